package dev.fieldtest.core.online;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.genai.ErrorTypes;
import dev.fieldtest.core.genai.GenAiMessages;
import java.io.IOException;
import java.util.List;
import java.util.Map;


/**
 * Turns a production span into the {@link Observation} and {@link Case} a check sees. The case is empty (no
 * variables, no expected answer, no expected behaviour; tagged {@code feature:<name>}), because a production
 * input matches no case. Messages are read in the OpenTelemetry GenAI shape ({@code [{role, parts: [{type:
 * "text", content}]}]}) or the older {@code [{role, content}]}. Stateless.
 */
public final class SpanObservation {

    private SpanObservation() {}

    /** An observation and its case, or why the span cannot be scored ({@code skipReason} set, the others null). */
    public record Converted(Observation observation, Case testCase, String skipReason) {}

    public static Converted of(OnlineSpan s) {
        String key = s.traceId() + "/" + s.spanId();
        Case c = new Case(key, Map.of(), null, List.of("feature:" + s.feature()), null, null);
        List<Message> input;
        try {
            input = GenAiMessages.parse(s.inputMessages());
        } catch (IOException | RuntimeException e) {
            return new Converted(null, null, "input messages are not GenAI message JSON: " + e.getMessage());
        }
        Usage usage = s.inputTokens() == null && s.outputTokens() == null ? null
                : new Usage(s.inputTokens() == null ? 0 : s.inputTokens(), s.outputTokens() == null ? 0 : s.outputTokens());
        String finish = s.finishReasons().isEmpty() ? null : s.finishReasons().get(0);
        double latency = s.durationMs() == null ? 0 : s.durationMs();
        double cost = s.costUsd() == null ? 0 : s.costUsd();
        if (s.errorType() != null) {
            return new Converted(new Observation(s.model(), key, 0, input, null, usage, latency, s.ttftMs(), List.of(), 1, 0,
                    errorClass(s.errorType()), "error.type=" + s.errorType(), cost, finish, s.responseModel()), c, null);
        }
        String output;
        try {
            output = s.outputMessages() == null ? null : GenAiMessages.text(GenAiMessages.parse(s.outputMessages()));
        } catch (IOException | RuntimeException e) {
            return new Converted(null, null, "output messages are not GenAI message JSON: " + e.getMessage());
        }
        if (output == null) return new Converted(null, null, "the span recorded no output messages");
        return new Converted(new Observation(s.model(), key, 0, input, output, usage, latency, s.ttftMs(), List.of(), 1, 0,
                null, null, cost, finish, s.responseModel()), c, null);
    }

    /** An error.type no class recognises is still an error: a server error. */
    static ErrorClass errorClass(String type) {
        ErrorClass c = ErrorTypes.classify(type);
        return c == null ? ErrorClass.SERVER_ERROR : c;
    }
}
