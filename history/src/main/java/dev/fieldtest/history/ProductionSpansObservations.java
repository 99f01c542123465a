package dev.fieldtest.history;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.genai.ErrorTypes;
import dev.fieldtest.core.genai.GenAiMessages;
import java.util.List;


/**
 * A production span as a core {@link Observation}, so production calls are scored and summed by the same code as
 * offline runs. Target id: the model; case id: {@code <trace_id>/<span_id>}. Messages as {@link GenAiMessages} reads
 * them; text that is not message JSON reads as no messages.
 */
public final class ProductionSpansObservations {

    private ProductionSpansObservations() {}

    public static Observation of(ProductionSpan s) {
        List<Message> input = GenAiMessages.parseOrEmpty(s.inputMessages());
        ErrorClass error = null;
        String output = null;
        if (s.errorType() != null) {
            ErrorClass c = ErrorTypes.classify(s.errorType());
            error = c == null ? ErrorClass.SERVER_ERROR : c;
        } else {
            output = GenAiMessages.text(GenAiMessages.parseOrEmpty(s.outputMessages()));
        }
        Usage usage = s.inputTokens() == null && s.outputTokens() == null ? null
                : new Usage(s.inputTokens() == null ? 0 : s.inputTokens(), s.outputTokens() == null ? 0 : s.outputTokens());
        return new Observation(s.model(), s.traceId() + "/" + s.spanId(), 0, input, output, usage,
                s.durationMs() == null ? 0 : s.durationMs(), s.ttftMs(), List.of(), 1, error == ErrorClass.THROTTLED ? 1 : 0, error,
                s.errorType(), s.costUsd() == null ? 0 : s.costUsd(), s.finishReasons().isEmpty() ? null : s.finishReasons().get(0), s.responseModel());
    }
}
