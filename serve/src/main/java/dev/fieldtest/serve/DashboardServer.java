package dev.fieldtest.serve;

import com.sun.net.httpserver.HttpServer;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code fieldtest serve} dashboard (docs/serve.md): server-rendered pages and JSON over the run history on the
 * JDK's HTTP server. {@link #start} checks the history opens before it binds; a DuckDB history file is opened per
 * request and closed again, so {@code fieldtest run} can record while the dashboard runs; a PostgreSQL history is held
 * open until {@link #close()}. Read-only (GET and HEAD) but for POST /v1/traces, the OTLP/HTTP receiver of production traces (docs/production.md).
 */
public final class DashboardServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final HistoryReader history;

    private DashboardServer(HttpServer server, ExecutorService workers, HistoryReader history) {
        this.server = server;
        this.workers = workers;
        this.history = history;
    }

    /**
     * Opens the history once (creating nothing), then listens on {@code host:port} (port 0: any free port).
     *
     * @throws dev.fieldtest.history.HistoryException when the history file is missing, locked past the wait, or unreadable, or the
     *                                                PostgreSQL database cannot be reached
     * @throws IOException                            when the address cannot be bound (the message says which)
     */
    public static DashboardServer start(HistoryStore store, InetAddress host, int port, PrintStream log) throws IOException {
        return start(store, host, port, log, ProductionSettings.defaults());
    }

    /** As {@link #start(HistoryStore, InetAddress, int, PrintStream)}, reading spans POSTed to /v1/traces with {@code production}'s feature attribute and prices. */
    public static DashboardServer start(HistoryStore store, InetAddress host, int port, PrintStream log, ProductionSettings production) throws IOException {
        return start(store, host, port, log, production, null);
    }

    /** As above, with the suite (and optional embedding model) the /drift page compares production inputs with; null for none. */
    public static DashboardServer start(HistoryStore store, InetAddress host, int port, PrintStream log, ProductionSettings production, DriftSource drift)
            throws IOException {
        HistoryReader history = new HistoryReader(store);
        history.read(h -> h.runs().size());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            history.close();
            throw new IOException("cannot listen on " + host.getHostAddress() + ":" + port + " (" + e.getMessage() + "); pass another --port, or --port 0 for any free port", e);
        }
        // A few workers: pages wait on one history lock, but report.html files are sent concurrently.
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fieldtest-serve");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", new Dispatcher(history, host.isLoopbackAddress(), log, production, drift));
        server.setExecutor(workers);
        server.start();
        return new DashboardServer(server, workers, history);
    }

    /** The address actually bound (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** http://host:port/ of the bound address; IPv6 literals in brackets. */
    public URI url() {
        InetAddress a = address().getAddress();
        String host = a.getHostAddress();
        if (host.contains(":")) host = "[" + host.replaceAll("%.*$", "") + "]";
        return URI.create("http://" + host + ":" + address().getPort() + "/");
    }

    /** Stops accepting, lets requests in flight finish for up to a second, stops the workers and releases a held history. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
        history.close();
    }
}
