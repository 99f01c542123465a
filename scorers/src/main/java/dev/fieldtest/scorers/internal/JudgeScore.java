package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import java.util.List;

/**
 * One judge's grade of one answer: the raw score on the rubric's scale and its 0..1 form, or null when
 * the judge gave none that counts (call failed, no JSON, score missing or off the scale), with why; and
 * what the judge call spent, which counts whether or not it produced a score. Internal, not API. Immutable.
 */
public record JudgeScore(String judgeId, Double raw, Double score, String note, Usage usage, double costUsd) {

    public boolean measured() {
        return score != null;
    }

    /** Asks {@code judge} to grade; never throws for a bad reply, only when interrupted. */
    public static JudgeScore ask(Target judge, String caseId, int repeatIndex, List<Message> messages, Rubric rubric)
            throws InterruptedException {
        JudgeAnswer a = JudgeAnswer.ask(judge, caseId, repeatIndex, messages);
        if (!a.usable()) return unmeasured(judge, a, a.problem());
        JsonNode reply = a.reply();
        JsonNode s = reply.get("score");
        if (s == null || !s.isNumber()) {
            return unmeasured(judge, a, "judge reply has no numeric score: " + Quote.of(reply.toString()));
        }
        double raw = s.asDouble();
        if (!Double.isFinite(raw) || !rubric.contains(raw)) {
            return unmeasured(judge, a, "judge score " + Rubric.fmt(raw) + " is outside the scale " + Rubric.fmt(rubric.min()) + ".."
                    + Rubric.fmt(rubric.max()) + " (an answer may have steered the judge)");
        }
        return new JudgeScore(judge.id(), raw, rubric.normalize(raw), JudgeReply.reason(reply), a.usage(), a.costUsd());
    }

    private static JudgeScore unmeasured(Target judge, JudgeAnswer a, String why) {
        return new JudgeScore(judge.id(), null, null, why, a.usage(), a.costUsd());
    }

    /** The finding panels report for agreement: {@code judge:<id>=<0..1 score>} or {@code judge:<id>=unmeasured}. */
    public String finding() {
        return "judge:" + judgeId + "=" + (measured() ? format(score) : "unmeasured");
    }

    /** At most 4 decimals without trailing zeros, so equal grades always print alike (0.75, 1, 0.3333). */
    static String format(double x) {
        return new java.math.BigDecimal(x).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
