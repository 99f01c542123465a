package dev.fieldtest.llama.internal;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Usage;
import dev.fieldtest.llama.SamplingParams;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One request to a ready child and its streamed answer, timed in this JVM: send is the moment the request line
 * goes to the child's stdin, each token the moment its line arrived. Not thread-safe: the caller holds the turn.
 */
final class Exchange {
    private static final int QUOTE_CHARS = 200;
    private final ModelProcess owner;
    private final Child child;
    private final long id;
    private final Duration timeout;

    Exchange(ModelProcess owner, Child child, long id, Duration timeout) {
        this.owner = owner;
        this.child = child;
        this.id = id;
        this.timeout = timeout;
    }

    Generation run(String prompt, SamplingParams params) throws InterruptedException {
        String request = Protocol.write(new Protocol.Request(id, prompt, params));
        long sent = System.nanoTime();
        long deadline = sent + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4); // no overflow for absurd timeouts
        try {
            child.send(request);
        } catch (IOException e) {
            return died(sent, "the llama.cpp child stopped reading requests (" + e.getMessage() + ")");
        }
        StringBuilder text = new StringBuilder();
        List<Double> chunks = new ArrayList<>();
        while (true) {
            Child.Line line;
            try {
                line = child.next(deadline);
            } catch (InterruptedException e) {
                owner.discard(child); // it is still generating for a call nobody waits for
                throw e;
            }
            if (line == null) {
                owner.discard(child);
                return Generation.failed(ErrorClass.TIMEOUT, "no complete answer from llama.cpp within " + format(timeout) + " (" + chunks.size()
                        + " tokens so far); the child was stopped and starts again on the next call. Raise the target's timeout or lower"
                        + " params.max_tokens", ms(System.nanoTime() - sent), true);
            }
            if (line.end()) return died(sent, "the llama.cpp child ended during the call");
            Protocol.Reply reply = parse(line.text());
            Protocol.Reply.Kind kind = reply == null || reply.id() == null || reply.id() != id ? Protocol.Reply.Kind.UNKNOWN : reply.kind();
            switch (kind) {
                case TOKEN -> {
                    text.append(reply.text());
                    chunks.add(ms(line.nanos() - sent));
                }
                case DONE -> {
                    return Generation.succeeded(text.toString(), chunks, ms(line.nanos() - sent),
                            new Usage(reply.promptTokens(), reply.completionTokens()), reply.finishReason());
                }
                case ERROR -> {
                    return Generation.failed(ErrorClass.CLIENT_ERROR, "the request was refused: " + reply.error(),
                            ms(line.nanos() - sent), true);
                }
                default -> {
                    owner.discard(child);
                    return Generation.failed(ErrorClass.MALFORMED_RESPONSE, "the llama.cpp child sent " + quote(line.text())
                            + ", which is not an answer to request " + id + "; it was stopped and starts again on the next call"
                            + stderr(), ms(line.nanos() - sent), true);
                }
            }
        }
    }

    private Generation died(long sent, String what) throws InterruptedException {
        double latency = ms(System.nanoTime() - sent);
        String ending = child.ending(ModelProcess.STDERR_LINES); // before discarding: a kill would hide its exit code
        owner.discard(child);
        return Generation.failed(ErrorClass.CONNECTION, what + ": " + ending + "\nIt starts again on the next call.", latency, true);
    }

    private String stderr() {
        String tail = child.stderrTail(ModelProcess.STDERR_LINES);
        return tail.isEmpty() ? "" : "; its last stderr lines:\n" + tail;
    }

    /** The reply on {@code line}, or null when it is not one. */
    static Protocol.Reply parse(String line) {
        try {
            return Protocol.read(line, Protocol.Reply.class);
        } catch (IOException e) {
            return null;
        }
    }

    static String quote(String line) {
        return "\"" + (line.length() > QUOTE_CHARS ? line.substring(0, QUOTE_CHARS) + "…" : line) + "\"";
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** "30s" for whole seconds, else "250ms". */
    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
