using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Syndication.Testing;

/// <summary>
/// Loopback ports for servers the tests and benchmarks start, taken below the system's ephemeral range and never given
/// twice in one process.
/// </summary>
/// <remarks>
/// A port asked of the system (bind to port 0, then close) is an ephemeral port: the system may give it again to the
/// next caller, or to a client connection, before the server meant for it binds. Once one test's HTTP server took the
/// port another test was starting Azurite on, and that test spoke to the wrong server. Ports below the ephemeral range
/// are given only to those who ask for them by number, which here is only this class.
/// </remarks>
internal static class LoopbackPorts
{
    private const int Lowest = 20_000;
    private static readonly int Highest = EphemeralLow() - 1;

    // Each process starts at its own place, so that the test and benchmark processes rarely meet; a port in use is
    // skipped either way.
    private static int _next = Random.Shared.Next(Lowest, Highest + 1);

    /// <summary>A port no server listens on now and that this process has not given before.</summary>
    public static int Next()
    {
        for (var tries = 0; tries < 1_000; tries++)
        {
            var port = Lowest + (int)((uint)(Interlocked.Increment(ref _next) - Lowest) % (uint)(Highest - Lowest + 1));
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Held by a server of another process: take the next.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    private static int EphemeralLow()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(Range)
            && File.ReadAllText(Range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var low, ..]
            && int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port > Lowest + 1_000)
        {
            return port;
        }

        return 32_768;
    }
}
