package dev.fieldtest.load;

/** Runs one step of a load run, open- or closed-loop. {@link #stop}, {@link #failure} and {@link #sent} are safe from any thread. */
public sealed interface StepRunner permits OpenLoopRunner, ClosedLoopRunner {
    /** Runs the step on the calling thread and returns what it measured. */
    StepResult run() throws InterruptedException;

    /** Ends the step early; {@link #run()} returns what completed so far. */
    void stop();

    /** Why the step stopped on its own (the completion hook failed), or null. */
    RuntimeException failure();

    /** Requests sent so far in this step (for live progress). */
    long sent();
}
