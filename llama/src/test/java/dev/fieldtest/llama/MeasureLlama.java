package dev.fieldtest.llama;

import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.llama.internal.ModelProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the llama-cpp target on a model (docs/llama.md quotes its figures): cold start and model load, then
 * greedy 48-token calls. Not a test; run by hand, see docs/llama.md for the command.
 * Arguments: model path, [calls (default 30)], [cold starts (default 5)], [threads (default 1)].
 */
public final class MeasureLlama {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]).toAbsolutePath().normalize();
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int starts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : LlamaSettings.DEFAULT_THREADS;
        LlamaSettings settings = new LlamaSettings("measure", model, model.toString(), new SamplingParams(0, 48, 42, null, null, List.of()),
                Defaults.TIMEOUT, Pricing.FREE, LlamaSettings.DEFAULT_CONTEXT, threads, PromptFormat.PLAIN);
        System.out.printf("java %s, %d CPUs, model %s, threads %d%n", Runtime.version(), Runtime.getRuntime().availableProcessors(), model.getFileName(), threads);

        List<Double> ready = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        List<Double> firstCall = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            try (LlamaTarget t = new LlamaTarget(settings)) {
                long t0 = System.nanoTime();
                check(t.call(Specs.ask("Once upon a time")));
                firstCall.add((System.nanoTime() - t0) / 1e6);
                ModelProcess.Startup s = t.process().lastStartup();
                ready.add(s.readyMs());
                load.add(s.loadMs());
            }
        }
        report("child start to ready (ms)", ready);
        report("  of which model load in the child (ms)", load);
        report("first call incl. start (ms)", firstCall);

        List<Double> ttft = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        List<Double> overall = new ArrayList<>();
        try (LlamaTarget t = new LlamaTarget(settings)) {
            check(t.call(Specs.ask("Once upon a time"))); // starts the child; not counted
            for (int i = 0; i < calls; i++) {
                Observation o = check(t.call(Specs.ask("Once upon a time")));
                List<Double> c = o.chunkMs();
                ttft.add(o.ttftMs());
                latency.add(o.latencyMs());
                decode.add((c.size() - 1) / ((c.get(c.size() - 1) - c.get(0)) / 1000));
                overall.add(o.usage().outputTokens() / (o.latencyMs() / 1000));
            }
        }
        report("TTFT (ms)", ttft);
        report("latency, 48 tokens (ms)", latency);
        report("decode speed, first to last token (tokens/s)", decode);
        report("tokens/s over the whole call", overall);
        System.exit(0);
    }

    private static Observation check(Observation o) {
        if (!o.succeeded()) throw new IllegalStateException(o.error() + ": " + o.errorMessage());
        return o;
    }

    private static void report(String what, List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        System.out.printf("%-46s n=%-3d median %8.1f   p90 %8.1f   min %8.1f   max %8.1f%n", what, v.size(),
                v.get(v.size() / 2), v.get((int) Math.ceil(v.size() * 0.9) - 1), v.get(0), v.get(v.size() - 1));
    }
}
