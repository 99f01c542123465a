package dev.fieldtest.core.stats;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import java.util.List;

/** Builds ScoredCalls for tests: {@code Calls.call("t", "case-1").fail().latencyMs(12).build()}. */
final class Calls {
    private Calls() {}

    static Builder call(String targetId, String caseId) {
        return new Builder(targetId, caseId);
    }

    static final class Builder {
        private final String targetId;
        private final String caseId;
        private int repeatIndex;
        private boolean pass = true;
        private ErrorClass error;
        private double latencyMs = 100;
        private Double ttftMs;
        private int attempts = 1;
        private int throttled;
        private double costUsd;
        private Usage usage;
        private List<String> tags = List.of();
        private Double confidence;

        private Builder(String targetId, String caseId) {
            this.targetId = targetId;
            this.caseId = caseId;
        }

        Builder repeat(int index) { this.repeatIndex = index; return this; }
        Builder pass(boolean pass) { this.pass = pass; return this; }
        Builder fail() { return pass(false); }
        /** A failed call: no output, no verdicts, never passes. */
        Builder error(ErrorClass error) { this.error = error; this.pass = false; return this; }
        Builder latencyMs(double ms) { this.latencyMs = ms; return this; }
        Builder ttftMs(Double ms) { this.ttftMs = ms; return this; }
        Builder attempts(int attempts) { this.attempts = attempts; return this; }
        Builder throttled(int throttled) { this.throttled = throttled; return this; }
        Builder cost(double usd) { this.costUsd = usd; return this; }
        Builder usage(long in, long out) { this.usage = new Usage(in, out); return this; }
        Builder tags(String... tags) { this.tags = List.of(tags); return this; }
        Builder confidence(Double confidence) { this.confidence = confidence; return this; }

        ScoredCall build() {
            boolean ok = error == null;
            Observation o = new Observation(targetId, caseId, repeatIndex, List.of(), ok ? "answer" : null, usage,
                    latencyMs, ok ? ttftMs : null, List.of(), attempts, throttled, error, ok ? null : "it failed",
                    costUsd, ok ? "stop" : null, "model-x");
            List<Verdict> verdicts = ok ? List.of(pass ? Verdict.pass("check") : Verdict.fail("check", "wrong"))
                    : List.of();
            return new ScoredCall("run-1", o, verdicts, tags, ok && pass, confidence);
        }
    }
}
