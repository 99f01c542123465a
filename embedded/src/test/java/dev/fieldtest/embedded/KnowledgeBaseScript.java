package dev.fieldtest.embedded;

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
 * The conformance kit's server for embedded-qa, which has none: a knowledge base (kb.jsonl in a temporary folder,
 * {@link #baseUrl()}) whose one entry asks the kit's question and answers with the scripted text. An in-process
 * model has no statuses, streams, sockets or stalls, so only {@link Step.Answer} is scripted, and it sees no
 * requests to count.
 */
final class KnowledgeBaseScript implements ScriptedServer {
    /** The user message of the kit's one request; the entry's question is the same, so it matches with cosine 1. */
    static final String QUESTION = "What is the capital of France?";
    static final String ENTRY_ID = "conformance";
    private final Path dir;

    KnowledgeBaseScript() {
        try {
            dir = Files.createTempDirectory("fieldtest-embedded-script");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the knowledge base: " + e.getMessage(), e);
        }
    }

    Path knowledgeBase() {
        return dir.resolve("kb.jsonl");
    }

    @Override
    public void script(Step... steps) {
        if (steps.length != 1 || !(steps[0] instanceof Step.Answer a)) {
            throw new UnsupportedOperationException("an embedded-qa knowledge base scripts one answer, not "
                    + java.util.List.of(steps) + "; leave those capabilities out of EmbeddedQaConformanceTest.capabilities()");
        }
        String line = "{\"id\": \"" + ENTRY_ID + "\", \"question\": \"" + QUESTION + "\", \"answer\": \"" + json(a.text()) + "\"}\n";
        try {
            Files.writeString(knowledgeBase(), line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + knowledgeBase() + ": " + e.getMessage(), e);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public int requestCount() {
        throw new UnsupportedOperationException("embedded-qa answers in process; no kit test it runs counts requests");
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
