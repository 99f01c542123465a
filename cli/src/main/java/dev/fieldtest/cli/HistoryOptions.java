package dev.fieldtest.cli;

import dev.fieldtest.history.HistoryStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --history FILE|URL} / {@code --no-history} for the commands that record a run (docs/history.md). */
final class HistoryOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--history", paramLabel = "FILE|URL", description = "Record the finished run in this run history. " + HistoryLocation.DESCRIPTION)
        String location;

        @Option(names = "--no-history", description = "Do not record the run in the run history.")
        boolean off;
    }

    /**
     * The store to record in, or null when recording is off: --history, else $FIELDTEST_HISTORY, else the default file.
     *
     * @throws dev.fieldtest.history.HistoryException when the location does not parse
     */
    HistoryStore store() {
        if (choice != null && choice.off) return null;
        return HistoryLocation.resolve(choice == null ? null : choice.location, System.getenv());
    }
}
