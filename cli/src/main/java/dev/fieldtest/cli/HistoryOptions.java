package dev.fieldtest.cli;

import dev.fieldtest.core.config.Defaults;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --history FILE} / {@code --no-history} for the commands that record a run (docs/history.md). */
final class HistoryOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--history", paramLabel = "FILE",
                description = "Record the finished run in this run-history file (DuckDB; default .fieldtest/history.duckdb, see docs/history.md).")
        Path file;

        @Option(names = "--no-history", description = "Do not record the run in the run history.")
        boolean off;
    }

    /** The file to record in, or null when recording is off. */
    Path file() {
        if (choice == null) return Defaults.HISTORY_FILE;
        return choice.off ? null : choice.file;
    }
}
