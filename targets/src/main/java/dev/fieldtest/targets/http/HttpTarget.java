package dev.fieldtest.targets.http;

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
 * A target for any JSON-over-HTTP service: the body from a template, the answer and usage by JSON Pointer,
 * with the deadlines and retries of {@code targets.call}. Without usage in the response, the tokenizer counts (and the
 * observation says so). Thread-safe; close it to release its connections.
 */
public final class HttpTarget implements Target {
    private final HttpSettings settings;
    private final AttemptRunner runner;
    private final Sleeper sleeper;
    private final Map<String, String> headers;
    private final TokenCounter tokens;

    public HttpTarget(HttpSettings settings) {
        this(settings, Thread::sleep);
    }

    public HttpTarget(HttpSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.runner = new AttemptRunner(settings.id(), settings.url(), settings.timeout(),
                new HttpWire(settings.output(), settings.inputTokens(), settings.outputTokens()));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/json");
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
        byte[] body = settings.body() == null ? null : settings.body().render(request.messages());
        RetryLoop.Outcome o = RetryLoop.run(() -> runner.run(settings.method(), body, headers, false), settings.retry(), sleeper);
        Attempt last = o.last();
        Usage usage = TokenCounter.orCount(tokens, o.usage(), request.messages(), last.output());
        return o.observation(settings.id(), request, usage, settings.pricing().costUsd(usage));
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
