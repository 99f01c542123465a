package dev.fieldtest.serve.otlp;

import java.util.List;
import java.util.Map;

/**
 * One span as decoded from OTLP, protobuf or JSON alike, before it is read as a GenAI call: ids in lowercase hex,
 * times in Unix nanoseconds, attribute values as String, Long, Double, Boolean, List or Map (a kvlist);
 * {@code statusError} when the span's status code is ERROR.
 */
public record OtlpSpan(String traceId, String spanId, String name, long startNanos, long endNanos,
                       Map<String, Object> attributes, Map<String, Object> resource, List<Event> events, boolean statusError) {
    public OtlpSpan {
        attributes = Map.copyOf(attributes);
        resource = Map.copyOf(resource);
        events = List.copyOf(events);
    }

    /** A span event: its name and when it happened. */
    public record Event(String name, long timeNanos) {}
}
