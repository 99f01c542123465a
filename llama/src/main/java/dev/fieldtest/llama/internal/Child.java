package dev.fieldtest.llama.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One running child JVM: its stdin, its stdout as timestamped lines, its stderr tail and its private temp folder
 * (where the binding extracts its native library, removed when the child ends). Lines are stamped with
 * {@link System#nanoTime()} by a reader thread the moment they arrive, so waiting callers do not blur the timing.
 * Thread-safe.
 */
final class Child {
    /** One stdout line, or the end of stdout when {@code text} is null. */
    record Line(String text, long nanos) {
        boolean end() {
            return text == null;
        }
    }

    private final Process process;
    private final Path tmp;
    private final Writer stdin;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final StderrTail stderr;

    private Child(Process process, Path tmp) {
        this.process = process;
        this.tmp = tmp;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.stderr = StderrTail.drain(process.getErrorStream(), "fieldtest-llama-stderr-" + process.pid());
        Thread.ofPlatform().daemon().name("fieldtest-llama-stdout-" + process.pid()).start(this::readStdout);
        process.onExit().thenRun(this::removeTmp);
    }

    static Child start(ChildCommand command) throws IOException {
        Path tmp = Files.createTempDirectory("fieldtest-llama-");
        tmp.toFile().deleteOnExit(); // in case this JVM ends first; runs after the file's own deleteOnExit below
        tmp.resolve(System.mapLibraryName("jllama")).toFile().deleteOnExit();
        try {
            return new Child(new ProcessBuilder(command.toList(tmp)).start(), tmp);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) lines.add(new Line(line, System.nanoTime()));
        } catch (IOException e) {
            // the pipe broke because the child was killed: for the caller that is the same as its end
        } finally {
            lines.add(new Line(null, System.nanoTime()));
        }
    }

    /** Writes one line to the child's stdin. */
    void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** The next stdout line (an end line once stdout ended), or null when none arrived by {@code deadlineNanos}. */
    Line next(long deadlineNanos) throws InterruptedException {
        return lines.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the child at once; does not wait. */
    void kill() {
        process.destroyForcibly();
    }

    /** Closes stdin so the child exits by itself; kills it when it has not after {@code graceMillis}. Waits for the end. */
    void stop(long graceMillis) throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) process.destroyForcibly();
        process.waitFor(graceMillis, TimeUnit.MILLISECONDS);
    }

    /** How the child ended ("exit code 1", "killed by signal 6 (SIGABRT)") and its last stderr lines. */
    String ending(int stderrLines) throws InterruptedException {
        String how = process.waitFor(1, TimeUnit.SECONDS) ? exit(process.exitValue()) : "still running";
        stderr.awaitEnd(1000);
        String tail = stderr.last(stderrLines);
        return how + (tail.isEmpty() ? "; it wrote nothing to stderr" : "; its last stderr lines:\n" + tail);
    }

    String stderrTail(int lines) {
        return stderr.last(lines);
    }

    private static String exit(int code) {
        if (code <= 128) return "exit code " + code;
        int signal = code - 128; // how the JDK reports a process a signal ended
        String name = switch (signal) {
            case 6 -> " (SIGABRT, e.g. a failed GGML_ASSERT)";
            case 9 -> " (SIGKILL, e.g. the out-of-memory killer)";
            case 11 -> " (SIGSEGV)";
            default -> "";
        };
        return "killed by signal " + signal + name;
    }

    private void removeTmp() {
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the folder is also registered for deletion when this JVM exits
        }
    }
}
