package dev.fieldtest.testkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A program for command targets (one process per call: the prompt on stdin, the answer on stdout) that does what
 * the next scripted {@link Step} says; past the script it echoes stdin. {@link #baseUrl()} is the command line to
 * run ({@code /bin/sh DIR/run.sh}). A program has no statuses, streams or sockets, so it can script only an answer
 * (stdout, exit 0), a server error (stderr, exit 3) and a stall ({@code sleep}); other steps are refused. Needs a
 * POSIX shell. Calls must come one at a time (the step counter is a file).
 */
public final class CommandScript implements ScriptedServer {
    private static final String RUN = """
            d=$(dirname "$0")
            n=$(( $(cat "$d/count") + 1 ))
            echo "$n" > "$d/count"
            if [ -f "$d/step-$n.sh" ]; then . "$d/step-$n.sh"; else cat; fi
            """;
    private final Path dir;
    private int scripted;

    public CommandScript() {
        try {
            dir = Files.createTempDirectory("fieldtest-command-script");
            Files.writeString(dir.resolve("run.sh"), RUN);
            Files.writeString(dir.resolve("count"), "0\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the command script to a temporary folder: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void script(Step... steps) {
        for (Step s : steps) {
            int n = ++scripted;
            write("step-" + n + ".sh", switch (s) {
                // stdin is read first so the target's writer never meets a closed pipe
                case Step.Answer a -> {
                    write("answer-" + n + ".txt", a.text());
                    yield "cat > /dev/null\ncat \"$d/answer-" + n + ".txt\"\nexit 0\n";
                }
                case Step.ServerError e -> "cat > /dev/null\necho 'scripted failure (" + e.status() + ")' >&2\nexit 3\n";
                case Step.Stall st -> "cat > /dev/null\nsleep " + st.duration().toMillis() / 1000.0 + "\necho late\nexit 0\n";
                default -> throw new UnsupportedOperationException("a command program cannot script " + s
                        + "; leave its capability out of the conformance test's capabilities()");
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

    /** The command line that runs the script. */
    @Override
    public String baseUrl() {
        return "/bin/sh " + dir.resolve("run.sh");
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
