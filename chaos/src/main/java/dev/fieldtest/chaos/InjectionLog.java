package dev.fieldtest.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The injections, one JSON line each ({@code time, seconds, request, fault, kind, params, upstream_status}),
 * appended and forced to disk before the client sees the fault, plus a count per kind. Thread-safe.
 */
public final class InjectionLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FileChannel channel;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public InjectionLog(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) java.nio.file.Files.createDirectories(parent);
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the injection log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one row durably; {@code upstreamStatus} is null when the upstream was not called or did not answer. */
    public void record(long request, double seconds, Fault fault, Integer upstreamStatus) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("time", Instant.now().toString());
        row.put("seconds", Math.round(seconds * 1000) / 1000.0);
        row.put("request", request);
        row.put("fault", fault.index());
        row.put("kind", fault.action().kind());
        row.put("params", new TreeMap<>(fault.action().params()));
        row.put("upstream_status", upstreamStatus);
        try {
            byte[] line = (JSON.writeValueAsString(row) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            synchronized (channel) {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) channel.write(b);
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the injection log: " + e.getMessage(), e);
        }
        counts.computeIfAbsent(fault.action().kind(), k -> new AtomicLong()).incrementAndGet();
    }

    /** Injections so far per kind, sorted by kind. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // every row was forced when written; nothing is lost by a failing close
        }
    }
}
