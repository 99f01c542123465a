package dev.fieldtest.chaos;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the proxy does to one selected request (docs/chaos.md lists every kind). Immutable. */
public sealed interface Action {
    /** The plan's {@code kind}, as logged. */
    String kind();

    /** The kind's parameters, as logged. */
    Map<String, Object> params();

    /** Waits {@code ms} plus up to {@code jitterMs} (drawn from the seed) before forwarding. */
    record Latency(long ms, long jitterMs) implements Action {
        public String kind() { return "latency"; }
        public Map<String, Object> params() { return Map.of("ms", ms, "jitter_ms", jitterMs); }
    }

    /** Answers {@code status} itself with the provider's error body; {@code retryAfter} seconds on a 429 (null: no header). */
    record Status(int status, Integer retryAfter) implements Action {
        public String kind() { return "status"; }
        public Map<String, Object> params() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("status", status);
            if (retryAfter != null) p.put("retry_after", retryAfter);
            return p;
        }
    }

    /** Reads the request and never answers, until the client gives up. */
    record Timeout() implements Action {
        public String kind() { return "timeout"; }
        public Map<String, Object> params() { return Map.of(); }
    }

    /** Reads the request and closes the TCP connection with a reset (SO_LINGER 0). */
    record Reset() implements Action {
        public String kind() { return "reset"; }
        public Map<String, Object> params() { return Map.of(); }
    }

    /** A stream cut after {@code chunks} events without [DONE]; a JSON body cut halfway. */
    record Truncate(int chunks) implements Action {
        public String kind() { return "truncate"; }
        public Map<String, Object> params() { return Map.of("chunks", chunks); }
    }

    /** A non-JSON {@code data:} event after {@code after} events of a stream; a non-JSON body otherwise. */
    record Malformed(int after) implements Action {
        public String kind() { return "malformed"; }
        public Map<String, Object> params() { return Map.of("after", after); }
    }

    /** Every stream event delayed by {@code ms}; a JSON body delayed once. */
    record Drip(long ms) implements Action {
        public String kind() { return "drip"; }
        public Map<String, Object> params() { return Map.of("ms", ms); }
    }
}
