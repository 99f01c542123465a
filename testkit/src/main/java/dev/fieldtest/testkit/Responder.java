package dev.fieldtest.testkit;

/**
 * Chooses the {@link Behavior} for a request when {@link FakeOpenAiServer}'s queue is empty. Called from
 * many server threads at once, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface Responder {
    Behavior respond(RecordedRequest request);

    /**
     * The default: a {@link Behavior.Reply} of {@code "echo: "} plus the last user message, so a reply is
     * deterministic and tells which request produced it.
     */
    static Responder echo() {
        return request -> Behavior.reply("echo: " + request.lastUserMessage());
    }
}
