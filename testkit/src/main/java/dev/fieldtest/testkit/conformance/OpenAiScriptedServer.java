package dev.fieldtest.testkit.conformance;

import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;

/** {@link FakeOpenAiServer} driven by {@link Step}s: each step becomes the {@link Behavior} with the same meaning. */
public final class OpenAiScriptedServer implements ScriptedServer {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    public FakeOpenAiServer server() {
        return server;
    }

    @Override
    public void script(Step... steps) {
        for (Step s : steps) server.enqueue(behavior(s));
    }

    static Behavior behavior(Step step) {
        return switch (step) {
            // the fake waits `delay` before its headers and `chunkDelay` before every content chunk, the first included
            case Step.Answer a -> Behavior.reply(a.text()).withUsage(a.inputTokens(), a.outputTokens())
                    .withDelay(a.beforeFirstChunk().minus(a.betweenChunks())).withChunkDelay(a.betweenChunks());
            case Step.RateLimited r -> new Behavior.Throttle(r.retryAfterSeconds());
            case Step.ServerError e -> new Behavior.ServerError(e.status());
            case Step.AuthError e -> new Behavior.ClientError(401, "invalid_api_key");
            case Step.Malformed m -> new Behavior.Malformed();
            case Step.CutStream c -> new Behavior.CutStream("one two three four five six", c.chunksBeforeCut());
            case Step.DropConnection d -> new Behavior.ResetConnection();
            case Step.Stall s -> new Behavior.Stall(s.duration());
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
