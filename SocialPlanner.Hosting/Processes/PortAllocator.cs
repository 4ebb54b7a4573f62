using System.Net;
using System.Net.Sockets;

namespace SocialPlanner.Hosting.Processes;

/// <summary>Hands out loopback ports: fixed developer defaults, or free ones the OS picks for tests.</summary>
public static class PortAllocator
{
    private static readonly HashSet<int> s_handedOut = [];
    private static readonly Lock s_gate = new();

    /// <summary>
    /// A port the OS reports free and that this process has not handed out before, so two apps in one
    /// test run never share a port; the OS's rotating ephemeral range keeps separate runs apart.
    /// </summary>
    public static int FreePort()
    {
        lock (s_gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (s_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
