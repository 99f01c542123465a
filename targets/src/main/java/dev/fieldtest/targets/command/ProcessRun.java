package dev.fieldtest.targets.command;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.targets.call.Attempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one process to completion within a timeout: stdin written and stdout/stderr read on virtual threads,
 * so a program that answers before reading all its input cannot deadlock. Past the timeout, or when the caller
 * is interrupted, the process and its descendants are killed.
 */
final class ProcessRun {
    /** The end of stderr kept for the error message. */
    static final int STDERR_KEPT = 2000;

    private ProcessRun() {}

    static Attempt run(CommandSettings s, byte[] stdin) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(s.argv()).directory(s.dir().toFile());
        pb.environment().putAll(s.env());
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "cannot start " + s.argv().get(0) + ": " + e.getMessage()
                    + "; check the command's path and that it is executable", ms(start), 0);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(p.getOutputStream(), stdin), ProcessRun::virtual);
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()), ProcessRun::virtual);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()), ProcessRun::virtual);
        boolean exited;
        try {
            exited = p.waitFor(s.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (!exited) {
            kill(p);
            return Attempt.failure(ErrorClass.TIMEOUT, s.argv().get(0) + " did not finish within "
                    + dev.fieldtest.targets.call.Durations.format(s.timeout()) + " and was killed; raise the target's timeout if it is slow",
                    ms(start), 0);
        }
        String stdout, stderr;
        try {
            writer.get();
            stdout = new String(out.get(), StandardCharsets.UTF_8);
            stderr = new String(err.get(), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "lost the pipes of " + s.argv().get(0) + ": " + e.getCause(), ms(start), 0);
        }
        double latency = ms(start);
        if (p.exitValue() != 0) {
            String tail = stderr.strip();
            if (tail.length() > STDERR_KEPT) tail = "…" + tail.substring(tail.length() - STDERR_KEPT);
            return Attempt.failure(ErrorClass.SERVER_ERROR, s.argv().get(0) + " exited with status " + p.exitValue()
                    + (tail.isEmpty() ? " and wrote nothing to stderr" : "; stderr: " + tail), latency, 0);
        }
        return Attempt.success(stdout.endsWith("\r\n") ? stdout.substring(0, stdout.length() - 2)
                : stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout, null, null, null, latency, null, null);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void write(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException e) {
            // a program that exits without reading its input closes the pipe: not an error of the call
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0]; // killed mid-read: the attempt is a timeout already
        }
    }

    private static void virtual(Runnable task) {
        Thread.ofVirtual().start(task);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
