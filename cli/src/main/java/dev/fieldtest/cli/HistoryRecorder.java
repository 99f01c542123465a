package dev.fieldtest.cli;

import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.RunHistory;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Records a finished run directory in the run history. Called after every file of the run is on disk; a failure is a
 * warning on stderr and nothing more, so the run's files and its exit code stay what they would have been.
 */
final class HistoryRecorder {
    private HistoryRecorder() {}

    /** {@code history} null: recording is off. */
    static void record(HistoryStore history, Path runDir, PrintStream err, boolean quiet) {
        if (history == null) return;
        try (RunHistory h = RunHistory.open(history)) {
            h.recordRunDirectory(runDir);
            if (!quiet) err.println("fieldtest: recorded in the run history " + history.display() + " (`fieldtest history` lists it)");
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: DuckDB's native library could not load on this platform.
            String why = e instanceof dev.fieldtest.history.HistoryException ? e.getMessage() : e.toString();
            err.println("fieldtest: warning: the run was not recorded in the run history: " + why + ". The run's files in " + runDir
                    + " are complete; record it later with `fieldtest history --history " + history.display() + " --record " + runDir
                    + "`, or pass --no-history.");
        }
    }
}
