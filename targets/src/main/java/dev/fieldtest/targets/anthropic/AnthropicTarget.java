package dev.fieldtest.targets.anthropic;

import dev.fieldtest.targets.call.Sleeper;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.AttemptRunner;
import dev.fieldtest.targets.call.RetryLoop;
import dev.fieldtest.targets.tokens.TokenCounter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target speaking the Anthropic Messages API, plain or streamed, with the deadlines and retries (Retry-After
 * honoured) of {@code targets.call}. Cost includes cache writes and reads at their prices. Thread-safe; close it
 * to release its connections.
 */
public final class AnthropicTarget implements Target {
    private final AnthropicSettings settings;
    private final AttemptRunner runner;
    private final Sleeper sleeper;
    private final Map<String, String> headers;
    private final TokenCounter tokens;

    public AnthropicTarget(AnthropicSettings settings) {
        this(settings, Thread::sleep);
    }

    public AnthropicTarget(AnthropicSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.runner = new AttemptRunner(settings.id(), settings.endpoint(), settings.timeout(), new AnthropicWire());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", settings.stream() ? "text/event-stream" : "application/json");
        h.put("x-api-key", settings.apiKey());
        h.put("anthropic-version", settings.version());
        h.putAll(settings.headers());
        this.headers = Map.copyOf(h);
        this.tokens = TokenCounter.orNull(settings.tokenizer());
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        byte[] body = AnthropicWire.requestBody(settings, request.messages());
        RetryLoop.Outcome o = RetryLoop.run(() -> runner.run(body, headers, settings.stream()), settings.retry(), sleeper);
        Attempt last = o.last();
        Usage usage = TokenCounter.orCount(tokens, o.usage(), request.messages(), last.output());
        return o.observation(settings.id(), request, usage, settings.costUsd(usage));
    }

    @Override
    public Map<String, Object> describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        runner.close();
    }
}
