Console.WriteLine("SocialPlanner AppHost");
