using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SocialPlanner.Tests.Sandbox;

/// <summary>Serves image bytes over loopback HTTP, standing in for the Api's signed media URLs that Instagram fetches.</summary>
public sealed class ImageHost : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly Task serving;
    private readonly string prefix;

    public ImageHost()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            prefix = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        listener.Prefixes.Add(prefix);
        listener.Start();
        serving = ServeAsync();
    }

    public string Serve(byte[] bytes, string name = "image.jpg")
    {
        var path = $"{Guid.NewGuid():N}/{name}";
        files[path] = bytes;
        return prefix + path;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await serving;
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
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            using var response = context.Response;
            if (files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var bytes))
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
