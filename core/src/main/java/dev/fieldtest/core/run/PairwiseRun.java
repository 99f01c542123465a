package dev.fieldtest.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.Preference;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.spi.Comparison;
import dev.fieldtest.core.stats.TargetSummaryJson;
import dev.fieldtest.core.stats.WilsonInterval;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs the suite's pairwise comparisons after the calls: for every case and repeat both targets answered,
 * the comparison's judge picks the better answer. Each preference is appended to pairwise.jsonl before the
 * tally is made; the tally becomes {@code comparisons.<name>} in summary.json.
 */
final class PairwiseRun {
    static final String FILE = "pairwise.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PairwiseRun() {}

    static ObjectNode run(List<Comparison> comparisons, List<Case> cases, int repeat, List<ScoredCall> rows, Path runDir, int concurrency)
            throws IOException, InterruptedException {
        ObjectNode out = JSON.createObjectNode();
        if (comparisons.isEmpty()) return out;
        Map<String, ScoredCall> answered = new HashMap<>();
        rows.stream().filter(r -> r.observation().succeeded())
                .forEach(r -> answered.put(PlannedCall.key(r.observation().targetId(), r.observation().caseId(), r.observation().repeatIndex()), r));
        try (FileChannel file = FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore permits = new Semaphore(concurrency);
            for (Comparison c : comparisons) {
                List<Future<Preference>> pending = new ArrayList<>();
                for (Case testCase : cases) {
                    for (int r = 0; r < repeat; r++) {
                        ScoredCall a = answered.get(PlannedCall.key(c.targetA(), testCase.id(), r));
                        ScoredCall b = answered.get(PlannedCall.key(c.targetB(), testCase.id(), r));
                        if (a == null || b == null) continue; // a failed call has no answer to compare
                        int index = r;
                        permits.acquire();
                        pending.add(pool.submit(() -> {
                            try {
                                Preference p = c.compare(testCase, index, a.observation().input(), a.observation().output(), b.observation().output());
                                append(file, p);
                                return p;
                            } finally {
                                permits.release();
                            }
                        }));
                    }
                }
                out.set(c.name(), tally(c, pending));
            }
            file.force(false);
        }
        return out;
    }

    private static synchronized void append(FileChannel file, Preference p) throws IOException {
        ObjectNode row = JSON.createObjectNode().put("case_id", p.caseId()).put("repeat", p.repeatIndex()).put("target_a", p.targetA())
                .put("target_b", p.targetB()).put("winner", p.winner()).put("tie", p.tie()).put("measured", p.measured())
                .put("reason", Secrets.redact(p.reason())).put("cost_usd", p.costUsd());
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) file.write(line);
    }

    private static ObjectNode tally(Comparison c, List<Future<Preference>> pending) throws InterruptedException {
        long aWins = 0, bWins = 0, ties = 0, unmeasured = 0;
        double cost = 0;
        for (Future<Preference> f : pending) {
            Preference p;
            try {
                p = f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("comparison " + c.name() + " failed: " + e.getCause(), e.getCause());
            }
            cost += p.costUsd();
            if (!p.measured()) unmeasured++;
            else if (p.tie()) ties++;
            else if (c.targetA().equals(p.winner())) aWins++;
            else bWins++;
        }
        ObjectNode t = JSON.createObjectNode().put("target_a", c.targetA()).put("target_b", c.targetB()).put("n", pending.size())
                .put("a_wins", aWins).put("b_wins", bWins).put("ties", ties).put("unmeasured", unmeasured);
        long decided = aWins + bWins;
        t.put("a_win_rate", decided == 0 ? null : TargetSummaryJson.round((double) aWins / decided));
        if (decided == 0) t.putNull("ci95");
        else {
            WilsonInterval ci = WilsonInterval.of(aWins, decided);
            t.putArray("ci95").add(TargetSummaryJson.round(ci.lo())).add(TargetSummaryJson.round(ci.hi()));
        }
        t.put("judge_cost_usd", TargetSummaryJson.round(cost));
        return t;
    }
}
