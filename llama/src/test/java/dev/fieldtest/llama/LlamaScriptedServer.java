package dev.fieldtest.llama;

import dev.fieldtest.llama.internal.ScriptedChild;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The child side of the llama-cpp protocol for the conformance kit: a folder of steps that {@link ScriptedChild}
 * plays, one per request. {@link #baseUrl()} is that folder. A child has no statuses or rate limits and nothing that
 * retries, and a child ending mid-answer is a connection error, not a cut stream: rate limits, server errors and cut
 * streams are refused. An auth error renders as the child's refusal of a request ({@code client_error}), a dropped
 * connection as the child exiting before it replies. Calls come one at a time, as the target serves them.
 */
final class LlamaScriptedServer implements ScriptedServer {
    private final Path dir;
    private int scripted;

    LlamaScriptedServer() {
        try {
            dir = Files.createTempDirectory("fieldtest-llama-script");
            Files.writeString(dir.resolve("count"), "0\n");
            // the target checks only that its model file starts with the GGUF magic; the scripted child loads nothing
            Files.write(dir.resolve("conformance.gguf"), "GGUF\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the llama script to a temporary folder: " + e.getMessage(), e);
        }
    }

    Path model() {
        return dir.resolve("conformance.gguf");
    }

    @Override
    public synchronized void script(Step... steps) {
        for (Step s : steps) {
            write("step-" + ++scripted, switch (s) {
                case Step.Answer a -> "answer " + a.beforeFirstChunk().toMillis() + " " + a.betweenChunks().toMillis() + " "
                        + a.inputTokens() + " " + a.outputTokens() + "\n" + a.text() + "\n";
                case Step.AuthError e -> "refuse\n";
                case Step.Malformed m -> "garbage\n";
                case Step.DropConnection d -> "exit\n";
                case Step.Stall st -> "stall " + st.duration().toMillis() + "\n";
                default -> throw new UnsupportedOperationException("a llama.cpp child cannot script " + s
                        + "; leave its capability out of LlamaConformanceTest.capabilities()");
            });
        }
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int requestCount() {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("count")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("count") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String baseUrl() {
        return dir.toString();
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
