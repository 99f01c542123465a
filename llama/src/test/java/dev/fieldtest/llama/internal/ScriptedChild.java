package dev.fieldtest.llama.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for {@link ChildMain} that answers the n-th request as the file {@code step-n} in its folder (the only
 * argument) says, counting requests in the file {@code count} so the script goes on across restarts. A step's first
 * line is {@code answer FIRST_MS BETWEEN_MS IN OUT} (then the text on the second line), {@code refuse},
 * {@code garbage}, {@code exit} or {@code stall MS}; past the script it answers "ok". A prompt containing
 * {@link #WARM_UP} is answered at once and not counted.
 */
public final class ScriptedChild {
    public static final String WARM_UP = "conformance warm-up";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        say(Protocol.write(Protocol.Reply.ready(0.5)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            long arrived = System.nanoTime();
            Protocol.Request r = Protocol.read(line, Protocol.Request.class);
            if (r.prompt().contains(WARM_UP)) {
                say(Protocol.write(Protocol.Reply.done(r.id(), 2, 1, "stop")));
                continue;
            }
            int n = Integer.parseInt(Files.readString(dir.resolve("count")).strip()) + 1;
            Files.writeString(dir.resolve("count"), n + "\n");
            Path step = dir.resolve("step-" + n);
            play(r.id(), arrived, Files.exists(step) ? Files.readAllLines(step) : List.of("answer 0 0 1 1", "ok"));
        }
        System.exit(0);
    }

    private static void play(long id, long arrived, List<String> step) throws Exception {
        String[] head = step.get(0).split(" ");
        switch (head[0]) {
            case "answer" -> answer(id, arrived, step.get(1), Long.parseLong(head[1]), Long.parseLong(head[2]),
                    Integer.parseInt(head[3]), Integer.parseInt(head[4]));
            case "refuse" -> say(Protocol.write(Protocol.Reply.error(id, "the prompt is 600 tokens, longer than the context of 512")));
            case "garbage" -> { // one good token, then a line that is not the protocol's JSON
                say(Protocol.write(Protocol.Reply.token(id, "The ", System.nanoTime() - arrived)));
                say("GGML_ASSERT(n_tokens <= n_batch) failed");
            }
            case "exit" -> {
                System.err.println("scripted: exiting on request " + id + " before any reply");
                System.exit(3);
            }
            case "stall" -> {
                Thread.sleep(Long.parseLong(head[1]));
                answer(id, arrived, "late", 0, 0, 1, 1);
            }
            default -> throw new IllegalArgumentException("unknown scripted step " + step);
        }
    }

    /** One token per word (the word with the whitespace after it), the first after firstMs, then betweenMs apart. */
    private static void answer(long id, long arrived, String text, long firstMs, long betweenMs, int in, int out) throws Exception {
        Thread.sleep(firstMs);
        String[] words = text.split("(?<=\\s)(?=\\S)");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) Thread.sleep(betweenMs);
            say(Protocol.write(Protocol.Reply.token(id, words[i], System.nanoTime() - arrived)));
        }
        say(Protocol.write(Protocol.Reply.done(id, in, out, "stop")));
    }

    private static void say(String line) {
        System.out.print(line + "\n");
        System.out.flush();
    }
}
