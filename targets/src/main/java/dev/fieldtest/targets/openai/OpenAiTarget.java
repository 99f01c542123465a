package dev.fieldtest.targets.openai;

import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.AttemptRunner;
import dev.fieldtest.targets.call.RetryLoop;
import dev.fieldtest.targets.call.RetryPolicy;
import dev.fieldtest.targets.call.Sleeper;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target speaking the OpenAI Chat Completions protocol over HTTP/1.1, plain or streamed, with retries
 * as {@link RetryPolicy} says. Thread-safe: one instance serves any number of concurrent calls. Close it to
 * release its connections.
 */
public final class OpenAiTarget implements Target {
    private final OpenAiSettings settings;
    private final AttemptRunner runner;
    private final Sleeper sleeper;
    private final Map<String, String> headers;
    private final dev.fieldtest.targets.tokens.TokenCounter tokens;

    public OpenAiTarget(OpenAiSettings settings) {
        this(settings, Thread::sleep);
    }

    public OpenAiTarget(OpenAiSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.runner = new AttemptRunner(settings.id(), settings.endpoint(), settings.timeout(), new OpenAiWire());
        this.headers = headers(settings);
        this.tokens = dev.fieldtest.targets.tokens.TokenCounter.orNull(settings.tokenizer());
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        byte[] body = Json.requestBody(settings.model(), request.messages(), settings.params(), settings.stream());
        RetryLoop.Outcome o = RetryLoop.run(() -> runner.run(body, headers, settings.stream()), settings.retry(), sleeper);
        Attempt last = o.last();
        Usage usage = dev.fieldtest.targets.tokens.TokenCounter.orCount(tokens, o.usage(), request.messages(), last.output());
        return o.observation(settings.id(), request, usage, settings.pricing().costUsd(usage));
    }

    /** The request headers besides Content-Type (set with the body) and the client's own. */
    private static Map<String, String> headers(OpenAiSettings settings) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", settings.stream() ? "text/event-stream" : "application/json");
        if (settings.apiKey() != null) h.put("Authorization", "Bearer " + settings.apiKey());
        h.putAll(settings.headers());
        return java.util.Collections.unmodifiableMap(h); // in order: a header of the settings overrides ours
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
