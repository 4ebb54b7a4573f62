using System.Net.Http.Json;
using System.Text.Json;

using MailKit.Net.Smtp;
using MailKit.Security;

using MimeKit;

namespace SocialPlanner.Tests.Sandbox;

[Collection(SandboxProcessGroup.Name)]
public sealed class MailCatcherTests(SandboxProcessFixture sandbox)
{
    [Fact]
    public async Task Mail_sent_with_MailKit_is_listed_for_its_recipient_with_both_bodies()
    {
        var recipient = $"{Guid.NewGuid():N}@example.test";
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("planner@socialplanner.test"));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = "Your post failed — ünïcode";
        message.Body = new BodyBuilder
        {
            TextBody = "Line one\n.starts with a dot\nDone",
            HtmlBody = "<p>Line one</p>",
        }.ToMessageBody();

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", sandbox.SmtpPort, SecureSocketOptions.None, TestContext.Current.CancellationToken);
            await smtp.SendAsync(message, TestContext.Current.CancellationToken);
            await smtp.DisconnectAsync(true, TestContext.Current.CancellationToken);
        }

        using var http = sandbox.CreateClient();
        var list = await http.GetFromJsonAsync<JsonElement>($"/api/mail?to={Uri.EscapeDataString(recipient)}", TestContext.Current.CancellationToken);
        var mail = Assert.Single(list.EnumerateArray());
        Assert.Equal("planner@socialplanner.test", mail.GetProperty("from").GetString());
        Assert.Equal("Your post failed — ünïcode", mail.GetProperty("subject").GetString());
        Assert.Contains(".starts with a dot", mail.GetProperty("text_body").GetString());
        Assert.Equal("<p>Line one</p>", mail.GetProperty("html_body").GetString()!.Trim());

        var one = await http.GetFromJsonAsync<JsonElement>($"/api/mail/{mail.GetProperty("id").GetInt64()}", TestContext.Current.CancellationToken);
        Assert.Equal(recipient, one.GetProperty("to")[0].GetString());
        Assert.Contains(recipient, await http.GetStringAsync("/mail", TestContext.Current.CancellationToken));
    }
}
