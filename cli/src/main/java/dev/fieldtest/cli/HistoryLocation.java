package dev.fieldtest.cli;

import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import java.nio.file.Files;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --history FILE|URL}, the run history a command reads or writes (docs/history.md): a DuckDB file or a PostgreSQL
 * URL. Without the option, {@value Defaults#HISTORY_ENV} when set, else {@code .fieldtest/history.duckdb}.
 */
final class HistoryLocation {
    static final String DESCRIPTION = "The run history: a DuckDB file or postgresql://USER@HOST[:PORT]/DB (password in "
            + HistoryStore.PASSWORD_ENV + "); default $" + Defaults.HISTORY_ENV + ", else .fieldtest/history.duckdb (docs/history.md).";

    @Option(names = "--history", paramLabel = "FILE|URL", description = DESCRIPTION)
    String location;

    /**
     * The store this command uses.
     *
     * @throws HistoryException when a PostgreSQL location lacks a host or a database (Main turns it into exit 2)
     */
    HistoryStore store() {
        return resolve(location, System.getenv());
    }

    /** {@code option} if given, else the environment's {@value Defaults#HISTORY_ENV}, else the default file. */
    static HistoryStore resolve(String option, Map<String, String> env) {
        if (option != null) return HistoryStore.parse(option, env);
        String fromEnv = env.get(Defaults.HISTORY_ENV);
        if (fromEnv == null || fromEnv.isBlank()) return HistoryStore.file(Defaults.HISTORY_FILE);
        try {
            return HistoryStore.parse(fromEnv.strip(), env);
        } catch (HistoryException e) {
            // Say where the bad value came from: no --history was typed.
            throw new HistoryException(Defaults.HISTORY_ENV + ": " + e.getMessage(), e);
        }
    }

    /**
     * False only for a DuckDB file that does not exist yet, so read-only commands can say "nothing recorded" without
     * creating it; a PostgreSQL database is taken to be there (opening it says otherwise).
     */
    static boolean exists(HistoryStore store) {
        return !(store instanceof HistoryStore.DuckDbFile f) || Files.exists(f.file());
    }

    /** A problem with the history's contents, located at the file when it is one (ConfigException), else named by the store. */
    static RuntimeException problem(HistoryStore store, String what, String fix) {
        if (store instanceof HistoryStore.DuckDbFile f) return new ConfigException(Location.of(f.file()), what, fix);
        return new HistoryException(store.display() + ": " + what + ". Fix: " + fix);
    }
}
