using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SocialPlanner.Tests.Sandbox;

/// <summary>Serves image bytes over loopback HTTP, standing in for the Api's signed media URLs that Instagram fetches.</summary>
public sealed class ImageHost : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly Task _serving;
    private readonly string _prefix;

    public ImageHost()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _prefix = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Serve(byte[] bytes, string name = "image.jpg")
    {
        var path = $"{Guid.NewGuid():N}/{name}";
        _files[path] = bytes;
        return _prefix + path;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var response = context.Response;
            if (_files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var bytes))
            {
                response.ContentType = "image/jpeg";
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
