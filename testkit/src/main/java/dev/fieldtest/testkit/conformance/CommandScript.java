package dev.fieldtest.testkit.conformance;

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
    private final ScriptFolder folder = new ScriptFolder("fieldtest-command-script");
    private int scripted;

    public CommandScript() {
        folder.write("run.sh", RUN);
    }

    @Override
    public synchronized void script(Step... steps) {
        for (Step s : steps) {
            int n = ++scripted;
            folder.write("step-" + n + ".sh", switch (s) {
                // stdin is read first so the target's writer never meets a closed pipe
                case Step.Answer a -> {
                    folder.write("answer-" + n + ".txt", a.text());
                    yield "cat > /dev/null\ncat \"$d/answer-" + n + ".txt\"\nexit 0\n";
                }
                case Step.ServerError e -> "cat > /dev/null\necho 'scripted failure (" + e.status() + ")' >&2\nexit 3\n";
                case Step.Stall st -> "cat > /dev/null\nsleep " + st.duration().toMillis() / 1000.0 + "\necho late\nexit 0\n";
                default -> throw new UnsupportedOperationException("a command program cannot script " + s
                        + "; leave its capability out of the conformance test's capabilities()");
            });
        }
    }

    @Override
    public int requestCount() {
        return folder.requestCount();
    }

    /** The command line that runs the script. */
    @Override
    public String baseUrl() {
        return "/bin/sh " + folder.dir().resolve("run.sh");
    }

    @Override
    public void close() {
        folder.close();
    }
}
