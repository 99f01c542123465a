package dev.fieldtest.llama;

import dev.fieldtest.llama.internal.ScriptedChild;
import dev.fieldtest.testkit.conformance.ScriptFolder;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.Step;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child side of the llama-cpp protocol for the conformance kit: a folder of steps that {@link ScriptedChild}
 * plays, one per request. {@link #baseUrl()} is that folder. A child has no statuses or rate limits and nothing that
 * retries, and a child ending mid-answer is a connection error, not a cut stream: rate limits, server errors and cut
 * streams are refused. An auth error renders as the child's refusal of a request ({@code client_error}), a dropped
 * connection as the child exiting before it replies. Calls come one at a time, as the target serves them.
 */
final class LlamaScriptedServer implements ScriptedServer {
    private final ScriptFolder folder = new ScriptFolder("fieldtest-llama-script");
    private final Path model;
    private int scripted;

    LlamaScriptedServer() {
        // the target checks only that its model file starts with the GGUF magic; the scripted child loads nothing
        model = folder.write("conformance.gguf", "GGUF\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
    }

    Path model() {
        return model;
    }

    @Override
    public synchronized void script(Step... steps) {
        for (Step s : steps) {
            folder.write("step-" + ++scripted, switch (s) {
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

    @Override
    public int requestCount() {
        return folder.requestCount();
    }

    @Override
    public String baseUrl() {
        return folder.dir().toString();
    }

    @Override
    public void close() {
        folder.close();
    }
}
