package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import java.util.List;

/**
 * One judge call and the first JSON object of its reply. Every judge-graded check starts here, so they all
 * name their calls alike ({@code <case id>#judge}, the case's repeat) and word a failed call or a reply
 * without JSON alike; each then reads its own fields. What the call spent is kept whether or not the reply
 * was usable. Internal, not API. Immutable.
 *
 * @param reply   the reply's first JSON object; null when there is none, and then {@code problem} says why
 * @param problem why there is no reply object; null when there is one
 */
public record JudgeAnswer(JsonNode reply, String problem, Usage usage, double costUsd) {
    /** Why a check is unmeasured when the run stopped during its judge call. */
    public static final String INTERRUPTED = "judging was interrupted";

    /** Asks {@code judge} about the call {@code input} checks; never throws for a bad reply, only when interrupted. */
    public static JudgeAnswer ask(Target judge, CheckInput input, List<Message> messages) throws InterruptedException {
        int repeat = input.observation() == null ? 0 : input.observation().repeatIndex();
        return ask(judge, input.testCase().id(), repeat, messages);
    }

    public static JudgeAnswer ask(Target judge, String caseId, int repeatIndex, List<Message> messages) throws InterruptedException {
        Observation o = judge.call(new CallRequest(caseId + "#judge", repeatIndex, messages));
        if (!o.succeeded()) {
            String why = "judge call failed (" + o.error() + "): " + Quote.shorten(String.valueOf(o.errorMessage()), 160);
            return new JudgeAnswer(null, why, o.usage(), o.costUsd());
        }
        JsonNode reply = JudgeReply.firstObject(o.output());
        String why = reply == null ? "judge reply has no JSON object: " + Quote.of(o.output()) : null;
        return new JudgeAnswer(reply, why, o.usage(), o.costUsd());
    }

    public boolean usable() {
        return reply != null;
    }
}
