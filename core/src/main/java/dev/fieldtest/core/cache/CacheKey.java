package dev.fieldtest.core.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.config.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SHA-256 that names one cached answer: the target's settings as {@code describe()} gives them (never a
 * secret, by that method's contract) minus {@link #NOT_IN_KEY}, the rendered messages and the repeat index,
 * as canonical JSON (map keys sorted). The case id is not part of it: the same messages get the same answer.
 */
public final class CacheKey {
    /** Bump when the key or the entry format changes, so old entries are misses rather than wrong answers. */
    static final int FORMAT = 1;
    /** Settings that change how a call is made or priced, not what it answers. */
    public static final Set<String> NOT_IN_KEY = Set.of("timeout", "max_retries", "retry_on", "backoff", "backoff_max", "pricing");

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CacheKey() {}

    /** The settings of a target that go into its keys: {@code described} minus {@link #NOT_IN_KEY}, canonical. */
    public static Map<String, Object> answerSettings(Map<String, Object> described) {
        Map<String, Object> out = new TreeMap<>();
        described.forEach((k, v) -> {
            if (!NOT_IN_KEY.contains(k)) out.put(k, plain(v));
        });
        return out;
    }

    /** The key (64 hex digits) of one request to a target with these answer settings. */
    public static String of(Map<String, Object> answerSettings, CallRequest request) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("format", FORMAT);
        key.put("target", answerSettings);
        List<Map<String, String>> messages = new ArrayList<>();
        for (Message m : request.messages()) messages.add(Map.of("role", m.role(), "content", m.content()));
        key.put("messages", messages);
        key.put("repeat", request.repeatIndex());
        try {
            return Hashing.sha256(JSON.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps, lists and scalars always serialize", e);
        }
    }

    /** Maps sorted, collections as lists, JSON scalars as they are, anything else as its text: one spelling per value. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof Collection<?> c) return c.stream().map(CacheKey::plain).toList();
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
        return String.valueOf(v);
    }
}
