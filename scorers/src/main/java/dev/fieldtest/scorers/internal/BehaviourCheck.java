package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code abstains}, {@code asks-clarification}, {@code admits-uncertainty} and {@code refuses}: detects a
 * behaviour in the output (by phrases, {@link PhraseDetector}, or by a judge, {@link BehaviourJudge}) and
 * adds the finding {@code behaviour:<abstain|clarify|uncertain|refuse>} whenever it is present, pass or fail.
 * When the case states {@code expect}, the check passes when the behaviour is present exactly when the case
 * calls for it ({@link Behaviour#calledFor}); otherwise it passes when the behaviour is present. A detector
 * that reaches no conclusion makes the verdict unmeasured. Internal, not API. Thread-safe.
 */
public record BehaviourCheck(String name, Behaviour behaviour, BehaviourDetector detector) implements Check {

    /**
     * Reads {@code patterns} (replacing the built-in ones) and {@code extra_patterns} (added to them), or
     * {@code judge} (a judge id; the judge detects the behaviour instead, so it excludes both pattern keys).
     */
    public static Check build(Settings s, Behaviour behaviour) {
        ConfigReader r = s.allow("patterns", "extra_patterns", "judge");
        ConfigNode judgeId = r.get("judge").orElse(null);
        if (judgeId != null) {
            for (String key : List.of("patterns", "extra_patterns")) {
                r.get(key).ifPresent(n -> s.problem(n.keyLocation(), key + " and judge exclude each other: the judge detects the behaviour instead of phrases",
                        "remove " + key + ", or remove judge to detect by phrases"));
            }
            Target judge = JudgeIds.lookup(s, judgeId);
            return s.finish(judge == null ? null : new BehaviourCheck(s.name(), behaviour, new BehaviourJudge(judge, behaviour)));
        }
        List<Pattern> patterns = new ArrayList<>(r.get("patterns")
                .map(n -> PhraseList.read(s, n, false))
                .orElseGet(() -> PhraseList.compile(behaviour.defaultPatterns())));
        r.get("extra_patterns").ifPresent(n -> patterns.addAll(PhraseList.read(s, n, true)));
        return s.finish(new BehaviourCheck(s.name(), behaviour, new PhraseDetector(patterns, RegexCheck.LIMIT)));
    }

    @Override
    public Verdict check(CheckInput input) {
        if (input.text() == null) return Verdict.fail(name, "no output to check (the call failed)");
        BehaviourDetector.Detection d = detector.detect(input);
        Verdict v = verdict(d, input);
        if (d.found()) v = v.withFindings(List.of("behaviour:" + behaviour.finding()));
        return d.usage() != null || d.costUsd() > 0 ? v.withCost(d.usage(), d.costUsd()) : v;
    }

    private Verdict verdict(BehaviourDetector.Detection d, CheckInput input) {
        if (!d.measured()) return Verdict.unmeasured(name, d.evidence());
        String expect = input.testCase() == null ? null : input.testCase().expect();
        Boolean wanted = expect == null ? Boolean.TRUE : behaviour.calledFor(expect);
        String because = expect == null ? "" : " (the case expects " + expect + ")";
        if (d.found()) {
            if (wanted == Boolean.FALSE) return Verdict.fail(name, behaviour.verb() + ": " + d.evidence() + ", but the case expects " + expect);
            return new Verdict(name, true, behaviour.verb() + ": " + d.evidence());
        }
        if (wanted == Boolean.TRUE) {
            String text = input.text();
            return Verdict.fail(name, behaviour.absent() + " found" + because + "; " + (text.isBlank() ? "the output is empty" : "output: " + Quote.of(text)));
        }
        return Verdict.pass(name);
    }
}
