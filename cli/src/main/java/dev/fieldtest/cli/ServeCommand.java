package dev.fieldtest.cli;

import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.serve.DashboardServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fieldtest serve}: a read-only local dashboard over the run history (docs/serve.md). Binds 127.0.0.1 unless
 * --host says otherwise, and then warns that anyone who can reach that address can read the results. Exit 2 when the
 * history cannot be opened or the address cannot be bound; otherwise it serves until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a local dashboard of the run history: runs, each run's report, metrics over time, JSON (docs/serve.md).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    HistoryLocation history = new HistoryLocation();

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--feature-attribute", paramLabel = "NAME", description = "For POST /v1/traces: the span (then resource) attribute naming a call's feature (default fieldtest.feature; docs/production.md).")
    String featureAttribute = Defaults.FEATURE_ATTRIBUTE;

    @Option(names = "--pricing", paramLabel = "FILE", description = "For POST /v1/traces: YAML or JSON, model -> {input_per_mtok, output_per_mtok} in USD.")
    Path pricing;

    @Option(names = "--suite", paramLabel = "FILE", description = "For the /drift page: the suite whose cases are the golden set production inputs are compared with (docs/drift.md).")
    Path suite;

    @Option(names = "--drift-model", paramLabel = "NAME", description = "For /drift: embedding model for MMD², coverage and farthest inputs: all-minilm-l6-v2 (default), e5-small-v2, or none (descriptors and staleness only).")
    String driftModel = dev.fieldtest.embedded.EmbeddingModels.ALL_MINILM_L6_V2;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Counted down to stop serving; Ctrl-C ends the JVM through the shutdown hook instead. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) return bad("--port " + port + " is not a port; give 0..65535 (0 picks a free one)");
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return bad("--host " + host + " does not resolve; give an address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
        }
        DashboardServer server;
        HistoryStore store;
        try {
            store = history.store();
            var production = new dev.fieldtest.serve.otlp.ProductionSettings(featureAttribute, IngestPricing.read(pricing));
            server = DashboardServer.start(store, address, port, err, production, ServeDrift.source(suite, driftModel));
        } catch (HistoryException | IOException | IngestProblem | ServeDrift.Problem e) {
            return bad(e.getMessage());
        }
        Thread hook = new Thread(() -> {
            server.close();
            err.println("fieldtest serve: stopped");
        }, "fieldtest-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!address.isLoopbackAddress()) {
            err.println("fieldtest serve: WARNING: listening on " + address.getHostAddress() + ", not loopback: anyone who can reach this address "
                    + "on your network can read every recorded run, its outputs and its report. Use --host 127.0.0.1 to keep it to this machine.");
        }
        out.println("fieldtest serve: " + server.url() + "  (history " + store.display() + "; Ctrl-C to stop)");
        out.flush();
        stop.await();
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
        return Main.OK;
    }

    private int bad(String message) {
        err.println("fieldtest: serve: " + message);
        return Main.BAD_INPUT;
    }
}
