package dev.fieldtest.embedded;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the embedded models and the embedded-qa target on this machine; run by bench/embedded/run.sh,
 * one JVM per measurement so load times are cold. Not a test: a main class kept with the tests because it
 * needs nothing the tests do not.
 *
 * <pre>
 * EmbeddedBench embed &lt;model&gt;   load time, first embed, per-embed median and p95 (1 thread), embeds/s on 2 threads
 * EmbeddedBench qa [entries]      embedded-qa: first call (load + indexing), per-call median and p95, calls/s on 1 and 2 threads
 * </pre>
 */
public final class EmbeddedBench {
    static final String[] SENTENCES = {
        "How do I reset my password?", "I forgot my password and cannot sign in.", "Where can I download my invoice?",
        "Can I get a copy of my bill for last month?", "My parcel has not arrived yet, what should I do?",
        "How long does shipping to Germany usually take?", "Please cancel my subscription at the end of this month.",
        "The app crashes every time I open the settings page.", "Do you offer a discount for students or teachers?",
        "I was charged twice for the same order yesterday.", "How can I change the email address on my account?",
        "Is there a way to export all my data as a spreadsheet?", "The weather is lovely today.",
        "Quarterly revenue grew by eight percent.", "Can I return an item after thirty days?",
        "What payment methods do you accept?", "My discount code says it has expired.",
    };

    private EmbeddedBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("embed")) embed(args[1]);
        else if (args.length >= 1 && args[0].equals("qa")) qa(args.length > 1 ? Integer.parseInt(args[1]) : 200);
        else System.err.println("usage: EmbeddedBench embed <model> | qa [entries]");
    }

    static void embed(String name) throws Exception {
        long t0 = System.nanoTime();
        EmbeddingModel m = EmbeddingModels.load(name);
        long t1 = System.nanoTime();
        m.embed("warm up");
        long t2 = System.nanoTime();
        for (int i = 0; i < 300; i++) m.embed(SENTENCES[i % SENTENCES.length]);
        double[] ms = new double[2000];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            m.embed(SENTENCES[i % SENTENCES.length]);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double perSecond2 = parallel(2, 2000, i -> m.embed(SENTENCES[i % SENTENCES.length]));
        System.out.printf(Locale.ROOT, "%-17s load %5.0f ms, first embed %5.1f ms, embed median %.2f ms p95 %.2f ms (n=%d, 1 thread), %4.0f embeds/s on 2 threads%n",
                name, (t1 - t0) / 1e6, (t2 - t1) / 1e6, pct(ms, 0.5), pct(ms, 0.95), ms.length, perSecond2);
    }

    static void qa(int entries) throws Exception {
        Path dir = Files.createTempDirectory("embedded-bench");
        Files.write(dir.resolve("kb.jsonl"), kb(entries));
        Problems problems = new Problems();
        Target t = new EmbeddedQaTargetFactory().create(new TargetSpec("bench", "embedded-qa",
                ConfigNode.of(Map.of("knowledge_base", "kb.jsonl"), "targets[0]"), dir), problems);
        problems.throwIfAny();
        long t0 = System.nanoTime();
        t.call(request(0));
        double first = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 300; i++) t.call(request(i));
        int n = 2000;
        double[] latency = new double[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) latency[i] = t.call(request(i)).latencyMs();
        double perSecond1 = n / ((System.nanoTime() - start) / 1e9);
        double perSecond2 = parallel(2, n, i -> t.call(request(i)));
        System.out.printf(Locale.ROOT, "embedded-qa (all-minilm-l6-v2, %d entries): first call %.0f ms (model load + indexing), "
                + "per call median %.2f ms p95 %.2f ms (n=%d), %.0f calls/s on 1 thread, %.0f calls/s on 2 threads%n",
                entries, first, pct(latency, 0.5), pct(latency, 0.95), n, perSecond1, perSecond2);
    }

    /** Help-centre style entries: every action on every object, "How do I {action} my {object}?". */
    static List<String> kb(int entries) {
        String[] actions = {"reset", "change", "update", "delete", "export", "find", "download", "share", "cancel", "renew"};
        String[] objects = {"password", "email address", "invoice", "subscription", "profile photo", "billing address", "API key",
            "order", "shipping address", "payment method", "two-factor code", "team members", "notification settings",
            "data export", "receipt", "gift card", "account", "username", "phone number", "delivery date"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String a = actions[i % actions.length];
            String o = objects[(i / actions.length) % objects.length] + (i >= 200 ? " " + (i / 200) : "");
            lines.add(String.format("{\"id\": \"kb-%d\", \"question\": \"How do I %s my %s?\", \"answer\": \"To %s your %s, open Settings and follow the steps.\"}",
                    i, a, o, a, o));
        }
        return lines;
    }

    private static CallRequest request(int i) {
        return new CallRequest("c" + i, 0, List.of(Message.user(SENTENCES[i % SENTENCES.length])));
    }

    private interface Work {
        void run(int i) throws Exception;
    }

    private static double parallel(int threads, int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                all.add(pool.submit(() -> {
                    work.run(k);
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double pct(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
