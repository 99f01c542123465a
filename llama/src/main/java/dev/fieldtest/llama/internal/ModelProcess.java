package dev.fieldtest.llama.internal;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.llama.SamplingParams;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One model in one long-lived child JVM, so a crash, abort or hang of llama.cpp never takes the evaluation run down.
 * The child starts on the first {@link #generate} and is started again on the call after one that killed it (a
 * timeout, a protocol error) or after it died. Generations run one at a time: callers queue in arrival order, and
 * the wait for one's turn (and for the child to start and load its model) counts toward neither latency nor timeout.
 * Thread-safe.
 */
public final class ModelProcess implements AutoCloseable {
    /** Longest a child may take to start and load its model; after that the call fails and the child is killed. */
    public static final Duration STARTUP_LIMIT = Duration.ofMinutes(2);
    private static final long CLOSE_GRACE_MS = 2000;
    static final int STDERR_LINES = 12;

    /** How the last child started: its pid, start to ready as the parent saw it, and the model load the child measured. */
    public record Startup(long pid, double readyMs, double loadMs) {}

    private final ChildCommand command;
    private final Duration startupLimit;
    private final ReentrantLock turn = new ReentrantLock(true); // fair: calls are served in arrival order
    private final Object lifecycle = new Object();
    private Child child; // guarded by lifecycle; once stored and the turn released, it has reported ready
    private boolean closed; // guarded by lifecycle
    private long nextId; // guarded by turn
    private volatile Startup lastStartup;

    public ModelProcess(ChildCommand command) {
        this(command, STARTUP_LIMIT);
    }

    public ModelProcess(ChildCommand command, Duration startupLimit) {
        this.command = command;
        this.startupLimit = startupLimit;
    }

    /**
     * Generates an answer to {@code prompt}, waiting for its turn first. Never throws for a failed generation: a
     * timeout (the child is then killed), a dead child or garbage on the protocol come back as a failed
     * {@link Generation}. {@code timeout} bounds send to the closing line.
     */
    public Generation generate(String prompt, SamplingParams params, Duration timeout) throws InterruptedException {
        turn.lockInterruptibly();
        try {
            Child c = running();
            return new Exchange(this, c, ++nextId, timeout).run(prompt, params);
        } catch (Failure f) {
            return f.outcome;
        } finally {
            turn.unlock();
        }
    }

    /** The running child, started and loaded first if there is none. Caller holds the turn. */
    private Child running() throws Failure, InterruptedException {
        Child c;
        synchronized (lifecycle) {
            if (closed) throw failure(ErrorClass.CONNECTION, "the llama-cpp target is closed");
            if (child != null && child.alive()) return child;
            if (child != null) child.kill(); // died (or is dying) between calls: start afresh
            try {
                c = Child.start(command);
            } catch (IOException e) {
                throw failure(ErrorClass.CONNECTION, "cannot start the llama.cpp child JVM (" + command.java() + "): " + e.getMessage());
            }
            child = c; // stored before it is ready, so close() can end it while it loads
        }
        awaitReady(c);
        return c;
    }

    private void awaitReady(Child c) throws Failure, InterruptedException {
        long started = System.nanoTime();
        Child.Line line;
        try {
            line = c.next(started + startupLimit.toNanos());
        } catch (InterruptedException e) {
            discard(c);
            throw e;
        }
        if (line == null) {
            discard(c);
            throw failure(ErrorClass.CONNECTION, "the llama.cpp child did not load its model within " + Exchange.format(startupLimit)
                    + " and was stopped; last stderr lines:\n" + c.stderrTail(STDERR_LINES));
        }
        if (line.end()) {
            discard(c);
            throw failure(ErrorClass.CONNECTION, "the llama.cpp child ended before its model was loaded: " + c.ending(STDERR_LINES));
        }
        Protocol.Reply reply = Exchange.parse(line.text());
        if (reply != null && reply.kind() == Protocol.Reply.Kind.READY) {
            lastStartup = new Startup(c.pid(), (line.nanos() - started) / 1e6, reply.loadMs());
            return;
        }
        if (reply != null && reply.kind() == Protocol.Reply.Kind.ERROR) {
            String ending = c.ending(STDERR_LINES); // it exits after reporting; before discarding, which would hide its exit code
            discard(c);
            throw failure(ErrorClass.CONNECTION, reply.error() + "; " + ending);
        }
        discard(c);
        throw failure(ErrorClass.MALFORMED_RESPONSE, "the llama.cpp child sent " + Exchange.quote(line.text())
                + " instead of reporting ready; it was stopped; last stderr lines:\n" + c.stderrTail(STDERR_LINES));
    }

    private static Failure failure(ErrorClass error, String message) {
        return new Failure(Generation.failed(error, message, 0, false));
    }

    /** Forgets {@code c} and kills it: its state is unknown, so the next call starts a fresh child. */
    void discard(Child c) {
        synchronized (lifecycle) {
            if (child == c) child = null;
        }
        c.kill();
    }

    /** The running child's pid, if one is running. */
    public OptionalLong pid() {
        synchronized (lifecycle) {
            return child != null && child.alive() ? OptionalLong.of(child.pid()) : OptionalLong.empty();
        }
    }

    /** How the most recent child started; null before the first start. */
    public Startup lastStartup() {
        return lastStartup;
    }

    /** Ends the child: closes its stdin so it exits by itself, and kills it if it has not within 2 s. Idempotent. */
    @Override
    public void close() {
        Child c;
        synchronized (lifecycle) {
            closed = true;
            c = child;
            child = null;
        }
        if (c == null) return;
        try {
            c.stop(CLOSE_GRACE_MS);
        } catch (InterruptedException e) {
            c.kill();
            Thread.currentThread().interrupt();
        }
    }
}
