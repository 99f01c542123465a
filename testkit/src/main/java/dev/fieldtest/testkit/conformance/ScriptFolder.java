package dev.fieldtest.testkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder that a scripted program or child process plays from: a {@code count} file it raises on every
 * request, and the step files written for it. For {@link ScriptedServer}s without a socket, such as
 * {@link CommandScript}; calls come one at a time (the counter is a file). Closing it deletes the folder.
 */
public final class ScriptFolder implements AutoCloseable {
    private final Path dir;

    /** Creates the folder (named after {@code prefix}) with its counter at 0. */
    public ScriptFolder(String prefix) {
        try {
            dir = Files.createTempDirectory(prefix);
            Files.writeString(dir.resolve("count"), "0\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a script folder in the temporary directory: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code text} (UTF-8) to the file {@code name} in the folder; returns its path. */
    public Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** Requests the program has counted so far. */
    public int requestCount() {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("count")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("count") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
