package dev.fieldtest.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting HTTP/1.1 proxy in front of an OpenAI-compatible server ({@code fieldtest chaos}, docs/chaos.md).
 * Chat completion requests ({@code POST …/chat/completions}) are numbered from 1 in arrival order and get the
 * plan's faults; every other request passes through unchanged. Each connection runs on its own virtual thread.
 * Thread-safe; {@link #close} stops listening, drops held connections and closes the log.
 */
public final class ChaosProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Plan plan;
    private final Upstream upstream;
    private final URI upstreamUrl;
    private final InjectionLog log;
    private final long startNanos = System.nanoTime();
    private final AtomicLong requests = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private ChaosProxy(ServerSocket server, Plan plan, URI upstreamUrl, Path logFile) {
        this.server = server;
        this.plan = plan;
        this.upstreamUrl = upstreamUrl;
        this.upstream = new Upstream(upstreamUrl);
        this.log = new InjectionLog(logFile);
    }

    /**
     * Listens on {@code host}:{@code port} (0 = any free port) and starts accepting.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static ChaosProxy start(String host, int port, URI upstream, Plan plan, Path logFile) {
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (is the port in use?): " + e.getMessage(), e);
        }
        ChaosProxy proxy = new ChaosProxy(server, plan, upstream, logFile);
        Thread.ofPlatform().name("chaos-accept").daemon().start(proxy::accept);
        return proxy;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            new ProxyConnection(this, s).serve();
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something that is not HTTP; only its own connection is affected
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    /** The URL clients use as their base, such as {@code http://127.0.0.1:8090/v1}. */
    public String url() {
        InetAddress a = server.getInetAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/v1";
    }

    public int port() { return server.getLocalPort(); }

    /** Injections so far per kind. */
    public Map<String, Long> counts() { return log.counts(); }

    /** Chat completion requests received so far. */
    public long requests() { return requests.get(); }

    Plan plan() { return plan; }

    Upstream upstream() { return upstream; }

    URI upstreamUrl() { return upstreamUrl; }

    InjectionLog log() { return log; }

    long nextRequestNumber() { return requests.incrementAndGet(); }

    double seconds() { return (System.nanoTime() - startNanos) / 1e9; }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // the connection is gone either way
            }
        }
        threads.shutdownNow();
        log.close();
    }
}
