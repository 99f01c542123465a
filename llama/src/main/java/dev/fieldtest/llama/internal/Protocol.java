package dev.fieldtest.llama.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.fieldtest.llama.SamplingParams;

/**
 * The line protocol between the target and its child JVM: one JSON object per line, UTF-8, snake_case names.
 *
 * <pre>
 * parent → child   {"id":1,"prompt":"Once upon a time","params":{"temperature":0.0,"max_tokens":48,...}}
 * child → parent   {"ready":true,"load_ms":212.5}                       once, after the model loaded
 *                  {"id":1,"text":",","t_ns":6612917}                   per token that carries text
 *                  {"id":1,"done":true,"prompt_tokens":4,"completion_tokens":48,"finish_reason":"length"}
 *                  {"id":1,"error":"..."}                               instead of done; the child goes on serving
 *                  {"error":"..."}                                      instead of ready; the child then exits
 * </pre>
 *
 * {@code t_ns} is measured in the child from the request's arrival. Requests are served one at a time, in order.
 * Thread-safe.
 */
public final class Protocol {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Protocol() {}

    /** Parent to child: generate an answer to {@code prompt}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(long id, String prompt, SamplingParams params) {}

    /** Child to parent; which fields are set says which of the shapes above it is ({@link #kind()}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reply(Long id, Boolean ready, Double loadMs, String text, Long tNs, Boolean done, Integer promptTokens,
                        Integer completionTokens, String finishReason, String error) {

        public enum Kind { READY, TOKEN, DONE, ERROR, UNKNOWN }

        static Reply ready(double loadMs) {
            return new Reply(null, true, loadMs, null, null, null, null, null, null, null);
        }

        static Reply token(long id, String text, long tNs) {
            return new Reply(id, null, null, text, tNs, null, null, null, null, null);
        }

        static Reply done(long id, int promptTokens, int completionTokens, String finishReason) {
            return new Reply(id, null, null, null, null, true, promptTokens, completionTokens, finishReason, null);
        }

        static Reply error(Long id, String message) {
            return new Reply(id, null, null, null, null, null, null, null, null, message);
        }

        /** The shape of this reply; UNKNOWN when its fields fit none. */
        public Kind kind() {
            if (Boolean.TRUE.equals(ready) && loadMs != null) return Kind.READY;
            if (error != null) return Kind.ERROR;
            if (Boolean.TRUE.equals(done) && promptTokens != null && completionTokens != null && finishReason != null) return Kind.DONE;
            if (text != null && tNs != null && done == null) return Kind.TOKEN;
            return Kind.UNKNOWN;
        }
    }

    /** One line of JSON, without its line end; strings are escaped, so it never contains a line break. */
    public static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("protocol records always serialise", e);
        }
    }

    /** Parses one line; throws when it is not JSON of {@code type}'s shape. */
    public static <T> T read(String line, Class<T> type) throws JsonProcessingException {
        return JSON.readValue(line, type);
    }
}
