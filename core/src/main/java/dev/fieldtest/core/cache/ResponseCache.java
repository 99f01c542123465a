package dev.fieldtest.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.run.FallbackRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A folder of cached answers, one JSON file per key ({@code <sha256>.json}), written to a temporary file and
 * renamed into place so a reader never sees half an entry. An entry holds the answer and the original call's
 * figures, never the request's messages or the target's settings (the key stands for them), and its text passes
 * through {@link Secrets#redact}. An unreadable entry is a miss. Thread-safe; several processes may share a folder.
 */
public final class ResponseCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The cached answer to {@code request} under {@code key}, as a call of that request marked cached. */
    public Optional<Observation> get(String key, String targetId, CallRequest request) {
        JsonNode e;
        try {
            e = JSON.readTree(Files.readString(file(key)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // torn by hand or by a full disk: make the call again and rewrite it
        }
        if (e == null || e.path("format").asInt() != CacheKey.FORMAT || !e.path("output").isTextual()) return Optional.empty();
        JsonNode t = e.path("tokens");
        List<Double> chunks = new ArrayList<>();
        e.path("chunk_ms").forEach(c -> chunks.add(c.asDouble()));
        Observation o = new Observation(targetId, request.caseId(), request.repeatIndex(), request.messages(),
                e.path("output").asText(), t.isObject() ? dev.fieldtest.core.run.ResultsCodec.usage(t, e.path("usage_source")) : null,
                e.path("latency_ms").asDouble(), e.hasNonNull("ttft_ms") ? e.path("ttft_ms").asDouble() : null, chunks,
                e.path("attempts").asInt(1), e.path("throttled").asInt(), null, null, e.path("cost_usd").asDouble(),
                text(e, "finish_reason"), text(e, "response_model"), true);
        // The chain that answered first time, so the fallback summary counts a replayed call as it counted the original.
        return Optional.of(e.path("fallback").isObject() ? o.withFallback(FallbackRows.read(e.path("fallback"))) : o);
    }

    /** Stores a successful call under {@code key}; a failed call is never stored. */
    public void put(String key, Observation o) throws IOException {
        if (!o.succeeded()) throw new IllegalArgumentException("only successful calls are cached, but this one failed with " + o.error());
        ObjectNode e = JSON.createObjectNode();
        e.put("format", CacheKey.FORMAT);
        e.put("output", Secrets.redact(o.output()));
        if (o.usage() == null) e.putNull("tokens");
        else dev.fieldtest.core.run.ResultsCodec.tokens(e, o.usage()); // cache tokens and usage_source too, as results.jsonl
        e.put("latency_ms", o.latencyMs());
        e.put("ttft_ms", o.ttftMs());
        o.chunkMs().forEach(e.putArray("chunk_ms")::add);
        e.put("attempts", o.attempts());
        e.put("throttled", o.throttled());
        e.put("cost_usd", o.costUsd());
        e.put("finish_reason", Secrets.redact(o.finishReason()));
        e.put("response_model", Secrets.redact(o.responseModel()));
        if (o.fallback() != null) FallbackRows.write(e.putObject("fallback"), o.fallback());
        Files.createDirectories(dir);
        // A unique temporary name: two processes storing the same key must not write into one temporary file.
        Path tmp = Files.createTempFile(dir, "." + key, ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(e));
            Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".json");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
