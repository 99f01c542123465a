package dev.fieldtest.api;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import java.util.function.Function;

/**
 * In-process targets: a Java function answers each call. Latency is measured around the function; an exception
 * it throws becomes a failed call with error class {@code server_error} and the exception's type and message.
 */
public final class Targets {
    private Targets() {}

    /** A target whose function gets the prompt (the text of the last user message) and returns the answer. */
    public static FunctionTarget function(String id, Function<String, String> answer) {
        java.util.Objects.requireNonNull(answer, "answer must be a function, but was null");
        return new FunctionTarget(id, r -> Answer.of(answer.apply(prompt(r))));
    }

    /** A target whose function gets the whole request (case id, repeat index, every rendered message). */
    public static FunctionTarget requestFunction(String id, Function<CallRequest, String> answer) {
        java.util.Objects.requireNonNull(answer, "answer must be a function, but was null");
        return new FunctionTarget(id, r -> Answer.of(answer.apply(r)));
    }

    /** A target whose function also reports the tokens it used and the cost (see {@link Answer#of(String, long, long, double)}). */
    public static FunctionTarget meteredFunction(String id, Function<CallRequest, Answer> answer) {
        return new FunctionTarget(id, answer);
    }

    /** The text of the request's last user message; the whole input when there is none. */
    static String prompt(CallRequest r) {
        for (int i = r.messages().size() - 1; i >= 0; i--) {
            if (r.messages().get(i).role().equals("user")) return r.messages().get(i).content();
        }
        return String.join("\n", r.messages().stream().map(Message::content).toList());
    }
}
