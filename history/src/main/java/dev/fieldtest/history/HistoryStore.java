package dev.fieldtest.history;

import dev.fieldtest.history.internal.PostgresLocation;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a run history lives (docs/history.md): a DuckDB file on this machine, which one process holds at a time, or a
 * PostgreSQL database a team shares, which many processes use at once. Both hold the same schema, written by the same
 * migrations. Immutable; {@link #toString()} and {@link #display()} never contain a password.
 */
public sealed interface HistoryStore permits HistoryStore.DuckDbFile, HistoryStore.Postgres {
    /** The environment variable read for a PostgreSQL password when the location has none (before libpq's {@code PGPASSWORD}). */
    String PASSWORD_ENV = "FIELDTEST_HISTORY_PASSWORD";

    /**
     * Reads a {@code --history} value: {@code postgresql://USER@HOST[:PORT]/DATABASE[?param=value…]} (also
     * {@code postgres://} and {@code jdbc:postgresql://}) is a PostgreSQL database; anything else is a DuckDB file path.
     * A PostgreSQL password comes from the location itself, else {@value #PASSWORD_ENV}, else {@code PGPASSWORD}.
     *
     * @throws HistoryException when a PostgreSQL location lacks a host or a database name
     */
    static HistoryStore parse(String location) {
        return parse(location, System.getenv());
    }

    /** {@link #parse(String)} with the environment given, for tests. */
    static HistoryStore parse(String location, Map<String, String> env) {
        if (PostgresLocation.isPostgres(location)) return PostgresLocation.parse(location, env);
        return new DuckDbFile(Path.of(location));
    }

    /** The DuckDB file at {@code file}. */
    static HistoryStore file(Path file) {
        return new DuckDbFile(file);
    }

    /** How to name this store to a person: the path, or the PostgreSQL location without its password. */
    String display();

    /** True when many processes may hold the store open at once (PostgreSQL); a DuckDB file admits one. */
    boolean shared();

    /** The embedded DuckDB file, created with its parent directories on first open. */
    record DuckDbFile(Path file) implements HistoryStore {
        @Override
        public String display() {
            return file.toString();
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public String toString() {
            return display();
        }
    }

    /**
     * A PostgreSQL database reached through its JDBC URL ({@code jdbcUrl} carries no credentials). The password is
     * held for connecting only: {@link #toString()} and {@link #display()} leave it out.
     */
    final class Postgres implements HistoryStore {
        private final String jdbcUrl;
        private final String user;
        private final String password;
        private final String display;

        /** Use {@link HistoryStore#parse(String)}; {@code password} may be null (then the server's own rules, e.g. .pgpass, apply). */
        public Postgres(String jdbcUrl, String user, String password, String display) {
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            this.display = display;
        }

        /** {@code jdbc:postgresql://HOST:PORT/DATABASE?…}, with neither user nor password. */
        public String jdbcUrl() {
            return jdbcUrl;
        }

        /** The user to connect as, or null for the driver's default (the OS user). */
        public String user() {
            return user;
        }

        /** Connection properties: the user and password, when known. Never log them. */
        public java.util.Properties credentials() {
            java.util.Properties p = new java.util.Properties();
            if (user != null) p.setProperty("user", user);
            if (password != null) p.setProperty("password", password);
            return p;
        }

        @Override
        public String display() {
            return display;
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public String toString() {
            return display;
        }
    }
}
