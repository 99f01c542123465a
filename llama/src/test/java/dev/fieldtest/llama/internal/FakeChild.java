package dev.fieldtest.llama.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for {@link ChildMain} that misbehaves on purpose, so the parent's handling of each failure is tested
 * without a model. The mode is the only argument.
 */
public final class FakeChild {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        switch (mode) {
            case "exit-at-start" -> {
                System.err.println("fake: cannot load the model");
                System.exit(1);
            }
            case "load-error" -> {
                say(Protocol.write(Protocol.Reply.error(null, "llama.cpp could not load fake.gguf: boom")));
                System.exit(1);
            }
            case "never-ready" -> Thread.sleep(60_000);
            case "garbage-at-start" -> say("Extracted 'libjllama.so'");
            default -> serve(mode);
        }
        System.exit(0);
    }

    private static void serve(String mode) throws Exception {
        say(Protocol.write(Protocol.Reply.ready(1.5)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Protocol.Request r = Protocol.read(line, Protocol.Request.class);
            switch (mode) {
                case "echo" -> { // streams the prompt back one character per token
                    long start = System.nanoTime();
                    for (char c : r.prompt().toCharArray()) say(Protocol.write(Protocol.Reply.token(r.id(), String.valueOf(c), System.nanoTime() - start)));
                    say(Protocol.write(Protocol.Reply.done(r.id(), 1, r.prompt().length(), "stop")));
                }
                case "garbage" -> say("GGML_ASSERT something on stdout");
                case "wrong-id" -> say(Protocol.write(Protocol.Reply.done(r.id() + 100, 1, 1, "stop")));
                case "refuse" -> say(Protocol.write(Protocol.Reply.error(r.id(), "the prompt is longer than the context")));
                case "die" -> {
                    say(Protocol.write(Protocol.Reply.token(r.id(), "Once", 10)));
                    System.err.println("fake: GGML_ASSERT(n_tokens <= n_batch) failed");
                    System.exit(3);
                }
                case "hang" -> Thread.sleep(60_000);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }

    private static void say(String line) {
        System.out.print(line + "\n");
        System.out.flush();
    }
}
