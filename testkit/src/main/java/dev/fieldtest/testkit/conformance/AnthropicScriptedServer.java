package dev.fieldtest.testkit.conformance;

import dev.fieldtest.testkit.AnthropicBehavior;
import dev.fieldtest.testkit.FakeAnthropicServer;

/**
 * {@link FakeAnthropicServer} driven by {@link Step}s, every step rendered in the Messages API's wire protocol:
 * a malformed step is a cut-off JSON body (streamed, an event whose data is not JSON), a dropped connection closes
 * the socket before any response byte.
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
            case Step.Malformed m -> new AnthropicBehavior.Malformed();
            case Step.DropConnection d -> new AnthropicBehavior.ResetConnection();
        };
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
