using System.Net;
using System.Net.Sockets;

namespace Genrify.Tests.Shared;

internal static class LoopbackPorts
{
    /// <summary>Ports free on 127.0.0.1 now (the system hands out each once; they stay free for the test's silos).</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var l in listeners) l.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners) l.Stop();
        return ports;
    }
}
