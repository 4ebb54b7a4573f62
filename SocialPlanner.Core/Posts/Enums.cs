namespace SocialPlanner.Core.Posts;

public enum PostPlatform { Linkedin, Instagram, Both }

public enum PostStatus { Draft, Scheduled, Published, Failed }
