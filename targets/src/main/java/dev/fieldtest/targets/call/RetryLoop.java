package dev.fieldtest.targets.call;

import dev.fieldtest.core.Usage;
import java.util.concurrent.ThreadLocalRandom;

/** Attempts a call until it succeeds or {@link RetryPolicy} says stop, summing what every attempt was billed. */
public final class RetryLoop {
    /** One attempt; a failure is an {@link Attempt}, never an exception. */
    @FunctionalInterface
    public interface Try {
        Attempt attempt() throws InterruptedException;
    }

    /**
     * What the attempts came to. Immutable.
     *
     * @param last      the final attempt, whose output or error the call reports
     * @param usage     tokens reported over every attempt; null when none reported any
     * @param attempts  attempts made
     * @param throttled HTTP 429 responses among them
     */
    public record Outcome(Attempt last, Usage usage, int attempts, int throttled) {
        /** The call as fieldtest records it: the last attempt's answer and timings, every attempt counted, {@code usage} and its cost. */
        public dev.fieldtest.core.Observation observation(String targetId, dev.fieldtest.core.CallRequest request, Usage usage, double costUsd) {
            return new dev.fieldtest.core.Observation(targetId, request.caseId(), request.repeatIndex(), request.messages(), last.output(), usage,
                    last.latencyMs(), last.ttftMs(), last.chunkMs(), attempts, throttled, last.error(), message(this), costUsd,
                    last.finishReason(), last.model());
        }
    }

    private RetryLoop() {}

    /** Runs {@code attempt} as {@code retry} allows, waiting with {@code sleeper} (Retry-After wins) in between. */
    public static Outcome run(Try attempt, RetryPolicy retry, Sleeper sleeper) throws InterruptedException {
        Usage usage = null;
        int throttled = 0;
        int attempts = 0;
        Attempt last;
        while (true) {
            last = attempt.attempt();
            attempts++;
            if (last.status() == 429) throttled++;
            if (last.usage() != null) usage = last.usage().plus(usage);
            if (last.succeeded() || !retry.shouldRetry(attempts, last.error())) break;
            sleeper.sleep(retry.delay(attempts, last.retryAfter(), ThreadLocalRandom.current()));
        }
        return new Outcome(last, usage, attempts, throttled);
    }

    /** The final error message with the attempt count when there were retries; null on success. */
    public static String message(Outcome o) {
        if (o.last().succeeded()) return null;
        return dev.fieldtest.core.Secrets.redact(o.last().errorMessage() + (o.attempts() > 1 ? " (after " + o.attempts() + " attempts)" : ""));
    }
}
