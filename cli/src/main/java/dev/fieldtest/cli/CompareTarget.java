package dev.fieldtest.cli;

import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.stats.PairedCall;
import dev.fieldtest.core.stats.PairedComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One target's calls in the baseline run (A) against the same target's in the new run (B): the paired
 * comparison, and the pairs where exactly one run passed (what a reader wants to look at next). Immutable.
 */
record CompareTarget(String target, PairedComparison comparison, List<Discordant> discordant) {
    /** A pair where one run passed and the other did not; {@code a}/{@code b} are each run's output or error. */
    record Discordant(String caseId, int repeat, String variant, boolean aPassed, String a, String b) {}

    static CompareTarget of(String target, List<ScoredCall> a, List<ScoredCall> b) {
        PairedComparison c = PairedComparison.of(a.stream().map(PairedCall::of).toList(), b.stream().map(PairedCall::of).toList());
        Map<PairedCall.Key, ScoredCall> byKey = b.stream().collect(Collectors.toMap(s -> PairedCall.of(s).key(), Function.identity()));
        List<Discordant> discordant = new ArrayList<>();
        for (ScoredCall x : a) {
            PairedCall px = PairedCall.of(x);
            ScoredCall y = byKey.get(px.key());
            if (y == null || px.pass() == PairedCall.of(y).pass()) continue;
            discordant.add(new Discordant(px.caseId(), px.repeat(), px.variant(), px.pass(), shown(x), shown(y)));
        }
        return new CompareTarget(target, c, discordant);
    }

    /** The output, or the error class and message of a failed call. */
    private static String shown(ScoredCall call) {
        var o = call.observation();
        return o.succeeded() ? o.output() : "[" + o.error().wireName() + "] " + (o.errorMessage() == null ? "" : o.errorMessage());
    }
}
