package dev.fieldtest.testkit.conformance;

import dev.fieldtest.testkit.AnthropicBehavior;
import dev.fieldtest.testkit.FakeAnthropicServer;

/**
 * {@link FakeAnthropicServer} driven by {@link Step}s. The fake has no way to send a malformed body or drop a
 * connection unanswered, so {@link Step.Malformed} and {@link Step.DropConnection} are refused: a target tested
 * with it leaves {@link Capability#MALFORMED} and {@link Capability#CONNECTION_DROP} out.
 */
public final class AnthropicScriptedServer implements ScriptedServer {
    private final FakeAnthropicServer server = FakeAnthropicServer.start();

    public FakeAnthropicServer server() {
        return server;
    }

    @Override
    public void script(Step... steps) {
        for (Step s : steps) server.enqueue(behavior(s));
    }

    static AnthropicBehavior behavior(Step step) {
        return switch (step) {
            // the fake waits `delay` before its headers and `chunkDelay` before every text delta, the first included
            case Step.Answer a -> AnthropicBehavior.reply(a.text()).withUsage(a.inputTokens(), a.outputTokens())
                    .withDelay(a.beforeFirstChunk().minus(a.betweenChunks())).withChunkDelay(a.betweenChunks());
            case Step.RateLimited r -> {
                AnthropicBehavior.Error e = AnthropicBehavior.error(429, "rate_limit_error",
                        "This request would exceed the rate limit for your organization. Please try again later.");
                yield r.retryAfterSeconds() == null ? e : e.withRetryAfter(r.retryAfterSeconds());
            }
            case Step.ServerError e -> e.status() == 529 ? AnthropicBehavior.error(529, "overloaded_error", "Overloaded")
                    : AnthropicBehavior.error(e.status(), "api_error", "Internal server error");
            case Step.AuthError e -> AnthropicBehavior.error(401, "authentication_error", "invalid x-api-key");
            case Step.CutStream c -> new AnthropicBehavior.CutStream("one two three four five six", c.chunksBeforeCut());
            case Step.Stall s -> AnthropicBehavior.reply("late").withDelay(s.duration());
            case Step.Malformed m -> throw unsupported(step, Capability.MALFORMED);
            case Step.DropConnection d -> throw unsupported(step, Capability.CONNECTION_DROP);
        };
    }

    private static UnsupportedOperationException unsupported(Step step, Capability capability) {
        return new UnsupportedOperationException("FakeAnthropicServer cannot script " + step
                + "; leave Capability." + capability + " out of the conformance test's capabilities()");
    }

    @Override
    public int requestCount() {
        return server.requestCount();
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
