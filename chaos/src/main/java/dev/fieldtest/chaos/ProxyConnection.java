package dev.fieldtest.chaos;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;

/**
 * Serves one client connection: reads its request, asks the plan for a fault, and answers, forwards or breaks the
 * connection accordingly. One request per connection ({@code Connection: close}), so a fault never leaks into the
 * next request.
 */
final class ProxyConnection {
    private final ChaosProxy proxy;
    private final Socket socket;

    ProxyConnection(ChaosProxy proxy, Socket socket) {
        this.proxy = proxy;
        this.socket = socket;
    }

    void serve() throws IOException, InterruptedException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        java.io.OutputStream raw = new BufferedOutputStream(socket.getOutputStream());
        ClientWriter client = new ClientWriter(raw);
        RawRequest request = RawRequest.read(in, raw);
        if (request == null) return;
        long number = 0;
        double seconds = proxy.seconds();
        Fault fault = null;
        if (request.isChat()) {
            number = proxy.nextRequestNumber();
            fault = proxy.plan().select(number, seconds);
        }
        Action action = fault == null ? null : fault.action();
        switch (action) {
            case Action.Status s -> {
                proxy.log().record(number, seconds, fault, null);
                List<String[]> headers = new java.util.ArrayList<>();
                headers.add(new String[] {"Content-Type", "application/json"});
                if (s.retryAfter() != null) headers.add(new String[] {"Retry-After", s.retryAfter().toString()});
                client.whole(s.status(), headers, ErrorBodies.forStatus(s.status()));
            }
            case Action.Reset r -> {
                proxy.log().record(number, seconds, fault, null);
                socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
                socket.close();
            }
            case Action.Timeout t -> {
                proxy.log().record(number, seconds, fault, null);
                while (in.read() != -1) { } // hold the connection until the client gives up (or the proxy stops)
            }
            case null, default -> forward(request, number, seconds, fault, client);
        }
    }

    private void forward(RawRequest request, long number, double seconds, Fault fault, ClientWriter client)
            throws IOException, InterruptedException {
        Action action = fault == null ? null : fault.action();
        if (action instanceof Action.Latency l) Thread.sleep(l.ms() + jitter(l, number, fault.index()));
        Upstream.Response response;
        try {
            response = proxy.upstream().send(request);
        } catch (IOException e) {
            if (fault != null) proxy.log().record(number, seconds, fault, null);
            String message = "the chaos proxy cannot reach its upstream " + proxy.upstreamUrl() + ": " + e.getClass().getSimpleName();
            client.whole(502, List.<String[]>of(new String[] {"Content-Type", "application/json"}), ErrorBodies.body(message, "server_error", "upstream_unreachable"));
            return;
        }
        Forwarder.relay(response, action, socket, client, status -> {
            if (fault != null) proxy.log().record(number, seconds, fault, status);
        });
    }

    /** 0..jitter ms, drawn from the seed and request number like the selection, so reruns wait the same. */
    private long jitter(Action.Latency l, long number, int faultIndex) {
        if (l.jitterMs() == 0) return 0;
        return (long) Math.floor(Trigger.draw(proxy.plan().seed(), number, -1 - faultIndex) * (l.jitterMs() + 1));
    }
}
