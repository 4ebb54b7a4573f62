using System.Net;
using System.Net.Sockets;

using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Mail;

/// <summary>Listens on 127.0.0.1 only: the catcher must never become an open relay on a shared machine.</summary>
public sealed class SmtpReceiver(IOptions<SandboxOptions> options, MailStore store, ILogger<SmtpReceiver> logger) : BackgroundService
{
    private TcpListener? _listener;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bind before the host reports started, so a taken port fails the start instead of a later test.
        _listener = new TcpListener(IPAddress.Loopback, options.Value.SmtpPort);
        _listener.Start();
        logger.Listening(options.Value.SmtpPort);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await _listener!.AcceptTcpClientAsync(stoppingToken);
                _ = ServeAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _listener!.Stop();
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            try
            {
                await new SmtpSession(client.GetStream(), store, logger).RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or FormatException)
            {
                logger.SessionAborted(ex);
            }
        }
    }
}
