package dev.fieldtest.targets.command;

import dev.fieldtest.targets.call.Sleeper;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.RetryLoop;
import dev.fieldtest.targets.tokens.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program as the system under test: one process per call, the prompt (or the messages as JSON) on stdin,
 * the answer on stdout. A non-zero exit is {@code server_error} with the end of stderr (redacted) in the
 * message; a program past its timeout is killed ({@code timeout}); one that cannot start is {@code connection}.
 * Tokens are counted with the tokenizer. Thread-safe.
 */
public final class CommandTarget implements Target {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CommandSettings settings;
    private final Sleeper sleeper;
    private final TokenCounter tokens;

    public CommandTarget(CommandSettings settings) {
        this(settings, Thread::sleep);
    }

    public CommandTarget(CommandSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.tokens = TokenCounter.orNull(settings.tokenizer());
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public Observation call(CallRequest request) throws InterruptedException {
        byte[] stdin = stdin(request.messages());
        RetryLoop.Outcome o = RetryLoop.run(() -> ProcessRun.run(settings, stdin), settings.retry(), sleeper);
        Attempt last = o.last();
        Usage usage = TokenCounter.orCount(tokens, null, request.messages(), last.output());
        return o.observation(settings.id(), request, usage, settings.pricing().costUsd(usage, last.latencyMs() / 1000));
    }

    private byte[] stdin(List<Message> messages) {
        if (!settings.messages()) {
            String prompt = "";
            for (Message m : messages) if (m.role().equals("user")) prompt = m.content();
            return prompt.getBytes(StandardCharsets.UTF_8);
        }
        List<Map<String, String>> all = messages.stream().map(m -> {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("role", m.role());
            one.put("content", m.content());
            return one;
        }).toList();
        try {
            return JSON.writeValueAsBytes(all);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }

    @Override
    public Map<String, Object> describe() {
        return settings.describe();
    }
}
