package dev.fieldtest.scorers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.scorers.internal.Fence;
import dev.fieldtest.scorers.internal.JudgeReply;
import dev.fieldtest.scorers.internal.PairwisePrompt;
import dev.fieldtest.scorers.internal.Quote;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Asks a judge which of two outputs for the same input is better. Each output is fenced with its own
 * random delimiter and declared data. Judges favour a position, so on a deterministic half of the calls
 * (by case id and repeat index) the second output is shown as A: over many comparisons a position bias
 * cancels out instead of deciding the winner. The reply, JSON {@code {"winner": "A"|"B"|"tie", "reason"}},
 * is mapped back to the real outputs; anything else is unmeasured. Stateless and thread-safe.
 */
public final class PairwiseJudge {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairwiseJudge() {}

    /** One output to compare: the target that gave it and its text. */
    public record Candidate(String targetId, String output) {}

    /** Which output won; {@link #UNMEASURED} when the judge gave no usable answer. */
    public enum Outcome { FIRST, SECOND, TIE, UNMEASURED }

    /**
     * The judge's decision in terms of the caller's order, not the positions shown.
     *
     * @param winner  the winning candidate's target id; null on a tie or when unmeasured
     * @param swapped whether the second candidate was shown as A
     * @param reason  the judge's reason, or why no decision could be read
     */
    public record Result(Outcome outcome, String winner, boolean swapped, String reason, Usage usage, double costUsd) {
        public boolean measured() {
            return outcome != Outcome.UNMEASURED;
        }
    }

    /** Whether this call shows the second candidate first: the same answer for the same case and repeat, every run. */
    public static boolean swapped(String caseId, int repeatIndex) {
        CRC32 crc = new CRC32();
        crc.update((caseId + "#" + repeatIndex).getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 1;
    }

    /**
     * Compares {@code first} and {@code second} as answers to {@code input} under {@code rubric} (plain text).
     * Calls {@code judge} once, as request {@code caseId + "#pairwise"}.
     */
    public static Result compare(Target judge, String rubric, String caseId, int repeatIndex, String input,
                                 Candidate first, Candidate second) throws InterruptedException {
        boolean swap = swapped(caseId, repeatIndex);
        Candidate a = swap ? second : first, b = swap ? first : second;
        Fence fa = Fence.around(RANDOM, "ANSWER-A", a.output(), b.output(), input, rubric);
        Fence fb = Fence.around(RANDOM, "ANSWER-B", a.output(), b.output(), input, rubric, fa.token());
        List<Message> messages = PairwisePrompt.messages(rubric, input, fa.wrap(a.output()), fb.wrap(b.output()), fa, fb);
        Observation o = judge.call(new CallRequest(caseId + "#pairwise", repeatIndex, messages));
        if (!o.succeeded()) return unmeasured(swap, "judge call failed (" + o.error() + "): " + Quote.shorten(String.valueOf(o.errorMessage()), 160), o);
        JsonNode reply = JudgeReply.firstObject(o.output());
        JsonNode w = reply == null ? null : reply.get("winner");
        String said = w == null || !w.isTextual() ? "" : w.asText().strip().toUpperCase(Locale.ROOT);
        Outcome shown = switch (said) {
            case "A" -> Outcome.FIRST;
            case "B" -> Outcome.SECOND;
            case "TIE" -> Outcome.TIE;
            default -> Outcome.UNMEASURED;
        };
        if (shown == Outcome.UNMEASURED) return unmeasured(swap, "judge reply names no winner A, B or tie: " + Quote.of(o.output()), o);
        Outcome real = !swap || shown == Outcome.TIE ? shown : shown == Outcome.FIRST ? Outcome.SECOND : Outcome.FIRST;
        String winner = real == Outcome.FIRST ? first.targetId() : real == Outcome.SECOND ? second.targetId() : null;
        return new Result(real, winner, swap, JudgeReply.reason(reply), o.usage(), o.costUsd());
    }

    private static Result unmeasured(boolean swap, String why, Observation o) {
        return new Result(Outcome.UNMEASURED, null, swap, why, o.usage(), o.costUsd());
    }
}
