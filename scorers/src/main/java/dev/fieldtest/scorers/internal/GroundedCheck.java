package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code grounded}: scores the share of the output's sentences that the rendered {@code context} supports
 * and passes when the score is at least {@code min_score}. Sentences come from {@link Sentences}; a
 * sentence without content words ({@link ContentWords}: "Yes.", "OK!") claims nothing and is not counted.
 * An empty output fails with score 0; an output whose sentences all claim nothing scores 1. Every
 * unsupported sentence becomes a finding {@code unsupported:<sentence, at most 80 characters>}; the detail
 * quotes up to two. Settings are read by {@link GroundedSettings}. Internal, not API. Thread-safe.
 */
public record GroundedCheck(String name, Template context, double minScore, SentenceSupport support) implements Check {
    static final int QUOTED = 2;

    public static Check build(Settings s) {
        return GroundedSettings.build(s);
    }

    @Override
    public Verdict check(CheckInput input) {
        String text = input.text();
        if (text == null) return Verdict.fail(name, "no output to check (the call failed)");
        if (text.isBlank()) return new Verdict(name, false, "the output is empty, so nothing in it is grounded", 0.0, true, List.of(), null, 0);
        String ctx = input.render(context);
        if (ctx.isBlank()) {
            return Verdict.fail(name, "context " + Quote.of(context.source()) + " is blank for this case; give the case the text the output should rest on");
        }
        List<String> claims = Sentences.split(text).stream().filter(sentence -> !ContentWords.of(sentence).isEmpty()).toList();
        if (claims.isEmpty()) return new Verdict(name, true, "no sentence with content words to check", 1.0, true, List.of(), null, 0);
        SentenceSupport.Support graded;
        try {
            graded = support.supported(claims, ctx, input);
        } catch (RuntimeException e) {
            return Verdict.fail(name, "cannot grade: " + Quote.shorten(String.valueOf(e.getMessage()), 200));
        }
        Verdict v = graded.measured() ? verdict(claims, graded.ok()) : Verdict.unmeasured(name, graded.why());
        return v.withCost(graded.usage(), graded.costUsd()); // a judge's spend counts even when its reply was unusable
    }

    private Verdict verdict(List<String> claims, boolean[] ok) {
        List<String> unsupported = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) if (!ok[i]) unsupported.add(claims.get(i));
        int supported = claims.size() - unsupported.size();
        double score = (double) supported / claims.size();
        boolean pass = score >= minScore;
        String detail = null;
        if (!unsupported.isEmpty()) {
            detail = supported + " of " + claims.size() + " sentences supported by the context"
                    + (pass ? "" : " (" + SimilarCheck.format(score, minScore) + " < " + SimilarCheck.format(minScore, score) + ")")
                    + "; unsupported: " + unsupported.stream().limit(QUOTED).map(Quote::of).collect(Collectors.joining(", "))
                    + (unsupported.size() > QUOTED ? " and " + (unsupported.size() - QUOTED) + " more" : "");
        }
        List<String> findings = unsupported.stream().map(u -> "unsupported:" + Quote.shorten(u, Quote.MAX)).toList();
        return new Verdict(name, pass, detail, score, true, findings, null, 0);
    }
}
