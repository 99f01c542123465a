package dev.fieldtest.cli;

import dev.fieldtest.chaos.ChaosProxy;
import dev.fieldtest.chaos.Plan;
import dev.fieldtest.chaos.PlanReader;
import dev.fieldtest.core.config.ConfigException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldtest chaos}: a proxy for OpenAI-compatible traffic that injects the faults of a plan and logs each
 * injection (docs/chaos.md). Runs until stopped (or {@code --stop-after}); prints the injected count per kind as it goes.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Proxy OpenAI-compatible traffic and inject faults by plan: latency, 429/5xx, timeouts, resets, cut or malformed streams, drip (docs/chaos.md).")
final class ChaosCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "PORT", description = "Port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--upstream", required = true, paramLabel = "URL", description = "The real server, e.g. https://api.openai.com/v1.")
    String upstream;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "YAML list of faults (docs/chaos.md).")
    Path plan;

    @Option(names = "--log", defaultValue = "chaos-injections.jsonl", paramLabel = "FILE",
            description = "JSONL file every injection is appended to (default ${DEFAULT-VALUE}).")
    Path log;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the share draws and jitter; beats the plan's seed.")
    Long seed;

    @Option(names = "--stop-after", paramLabel = "SECONDS", description = "Stop after this many seconds (default: run until Ctrl-C).")
    Double stopAfter;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out, err = System.err;
        URI upstreamUri = upstreamUri(err);
        if (upstreamUri == null) return Main.BAD_INPUT;
        Plan faults;
        try {
            faults = PlanReader.read(plan);
        } catch (ConfigException e) {
            err.println("fieldtest chaos: the plan has " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + ":");
            e.problems().forEach(p -> err.println("  " + p));
            return Main.BAD_INPUT;
        }
        if (seed != null) faults = faults.withSeed(seed);
        ChaosProxy proxy;
        try {
            proxy = ChaosProxy.start(host, port, upstreamUri, faults, log);
        } catch (UncheckedIOException e) {
            err.println("fieldtest chaos: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        try (proxy) {
            out.println("fieldtest chaos: listening on " + proxy.url() + " -> " + upstreamUri + "  (" + faults.faults().size()
                    + " faults, seed " + faults.seed() + ", log " + log + "; Ctrl-C to stop)");
            out.flush();
            watch(proxy, out);
        }
        out.println("fieldtest chaos: stopped; " + line(proxy));
        return Main.OK;
    }

    /** Prints the counts whenever they changed, once a second, until the time is up (or forever). */
    private void watch(ChaosProxy proxy, PrintStream out) throws InterruptedException {
        long end = stopAfter == null ? Long.MAX_VALUE : System.nanoTime() + (long) (stopAfter * 1e9);
        String last = "";
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
            String now = line(proxy);
            if (!now.equals(last)) {
                out.println("fieldtest chaos: " + now);
                out.flush();
                last = now;
            }
        }
    }

    private static String line(ChaosProxy proxy) {
        Map<String, Long> counts = proxy.counts();
        String kinds = counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return proxy.requests() + " chat requests, injected: " + kinds;
    }

    private URI upstreamUri(PrintStream err) {
        try {
            URI u = new URI(upstream);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return u;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        err.println("fieldtest chaos: --upstream must be an http or https URL such as http://127.0.0.1:8089/v1, but was \"" + upstream + "\"");
        return null;
    }
}
