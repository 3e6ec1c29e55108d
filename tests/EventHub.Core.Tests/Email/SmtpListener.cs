using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EventHub.Core.Tests.Email;

/// <summary>A real SMTP server (SmtpServer package) on 127.0.0.1 in the test process; it keeps what it receives.</summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _cts;

    private SmtpListener(int port) => Port = port;

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>The SMTP session each accepted message came in on.</summary>
    public ConcurrentQueue<Guid> Sessions { get; } = new();

    /// <summary>Return a reply to refuse a message (e.g. 550); null accepts it.</summary>
    public Func<MimeMessage, SmtpResponse?> Reply { get; set; } = _ => null;

    public static async Task<SmtpListener> StartAsync()
    {
        var listener = new SmtpListener(FreePort());
        await listener.StartAgainAsync();
        return listener;
    }

    /// <summary>A port nothing listens on, for a listener created stopped.</summary>
    public static SmtpListener Stopped() => new(FreePort());

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _cts = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_cts.Token);

        // Wait until the port accepts connections.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException("The SMTP listener did not start.");
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _cts!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }

        _cts.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The first message to an address, waiting up to 15 seconds for a background delivery to bring it.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, CancellationToken ct)
    {
        for (var i = 0; i < 150; i++)
        {
            if (Received.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == to)) is { } found)
            {
                return found;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"No mail to {to} arrived.");
    }

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private sealed class Store(SmtpListener owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var reply = owner.Reply(message);
            if (reply is not null)
            {
                return reply;
            }

            owner.Sessions.Enqueue(context.SessionId);
            owner.Received.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
