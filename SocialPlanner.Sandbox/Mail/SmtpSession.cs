using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

using MimeKit;

namespace SocialPlanner.Sandbox.Mail;

/// <summary>
/// One client conversation of the minimal RFC 5321 receiver. It accepts every sender and recipient:
/// the catcher exists to show what our app sent, not to police it.
/// </summary>
public sealed class SmtpSession(NetworkStream stream, MailStore store, ILogger logger)
{
    private readonly SmtpLineReader _lines = new(PipeReader.Create(stream));
    private string? _from;
    private readonly List<string> _recipients = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ReplyAsync("220 sandbox ESMTP SocialPlanner mail catcher", cancellationToken);
        while (await _lines.ReadCommandAsync(cancellationToken) is { } command)
        {
            var verb = command.Split(' ', 2)[0].ToUpperInvariant();
            var argument = command.Length > verb.Length ? command[(verb.Length + 1)..] : "";
            switch (verb)
            {
                case "EHLO":
                    ResetTransaction();
                    await ReplyAsync("250-sandbox greets you\r\n250-8BITMIME\r\n250-SIZE 52428800\r\n250 AUTH PLAIN LOGIN", cancellationToken);
                    break;
                case "HELO":
                    ResetTransaction();
                    await ReplyAsync("250 sandbox", cancellationToken);
                    break;
                case "MAIL" when argument.StartsWith("FROM:", StringComparison.OrdinalIgnoreCase):
                    ResetTransaction();
                    _from = AddressIn(argument[5..]);
                    await ReplyAsync("250 2.1.0 Sender OK", cancellationToken);
                    break;
                case "RCPT" when argument.StartsWith("TO:", StringComparison.OrdinalIgnoreCase):
                    if (_from is null)
                    {
                        await ReplyAsync("503 5.5.1 MAIL first", cancellationToken);
                        break;
                    }

                    _recipients.Add(AddressIn(argument[3..]));
                    await ReplyAsync("250 2.1.5 Recipient OK", cancellationToken);
                    break;
                case "DATA":
                    await ReceiveDataAsync(cancellationToken);
                    break;
                case "AUTH":
                    await AcceptAnyCredentialsAsync(argument, cancellationToken);
                    break;
                case "RSET":
                    ResetTransaction();
                    await ReplyAsync("250 2.0.0 OK", cancellationToken);
                    break;
                case "NOOP":
                    await ReplyAsync("250 2.0.0 OK", cancellationToken);
                    break;
                case "QUIT":
                    await ReplyAsync("221 2.0.0 Bye", cancellationToken);
                    return;
                default:
                    await ReplyAsync("502 5.5.2 Command not implemented", cancellationToken);
                    break;
            }
        }
    }

    private async Task ReceiveDataAsync(CancellationToken cancellationToken)
    {
        if (_from is null || _recipients.Count == 0)
        {
            await ReplyAsync("503 5.5.1 RCPT first", cancellationToken);
            return;
        }

        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", cancellationToken);
        using var content = new MemoryStream();
        while (await _lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line is [(byte)'.'])
            {
                var mail = Store(content.ToArray());
                ResetTransaction();
                await ReplyAsync($"250 2.0.0 OK queued as {mail.Id}", cancellationToken);
                return;
            }

            // Dot-stuffing (RFC 5321 §4.5.2): a leading dot was doubled by the sender.
            var unstuffed = line is [(byte)'.', ..] ? line.AsSpan(1) : line.AsSpan();
            content.Write(unstuffed);
            content.Write("\r\n"u8);
        }
    }

    private CaughtMail Store(byte[] raw)
    {
        using var input = new MemoryStream(raw);
        var message = MimeMessage.Load(input);
        var mail = store.Add(_from!, [.. _recipients], message.Subject ?? "", message.TextBody, message.HtmlBody, Encoding.UTF8.GetString(raw));
        logger.Caught(mail.Id, mail.To, mail.Subject);
        return mail;
    }

    private async Task AcceptAnyCredentialsAsync(string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = parts.FirstOrDefault()?.ToUpperInvariant();
        if (mechanism == "LOGIN")
        {
            await ReplyAsync("334 VXNlcm5hbWU6", cancellationToken);
            await _lines.ReadLineAsync(cancellationToken);
            await ReplyAsync("334 UGFzc3dvcmQ6", cancellationToken);
            await _lines.ReadLineAsync(cancellationToken);
        }
        else if (mechanism == "PLAIN" && parts.Length == 1)
        {
            await ReplyAsync("334 ", cancellationToken);
            await _lines.ReadLineAsync(cancellationToken);
        }
        else if (mechanism != "PLAIN")
        {
            await ReplyAsync("504 5.5.4 Unrecognized authentication type", cancellationToken);
            return;
        }

        await ReplyAsync("235 2.7.0 Authentication successful", cancellationToken);
    }

    private void ResetTransaction()
    {
        _from = null;
        _recipients.Clear();
    }

    private static string AddressIn(string path)
    {
        var open = path.IndexOf('<');
        var close = path.IndexOf('>', open + 1);
        return open >= 0 && close > open ? path[(open + 1)..close].Trim() : path.Split(' ')[0].Trim();
    }

    private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply + "\r\n"), cancellationToken);
    }
}
