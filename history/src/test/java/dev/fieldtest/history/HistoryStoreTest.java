package dev.fieldtest.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Reading a --history location: a DuckDB path, or a PostgreSQL URL whose password never shows (no server needed). */
class HistoryStoreTest {
    private static final Map<String, String> NO_ENV = Map.of();

    private static HistoryStore.Postgres postgres(String location, Map<String, String> env) {
        return (HistoryStore.Postgres) HistoryStore.parse(location, env);
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return p;
    }

    @Test
    void aLibpqUriGivesAJdbcUrlWithoutCredentialsAndTheUserAndPasswordApart() {
        HistoryStore.Postgres pg = postgres("postgresql://ana:s3cret@db.example.com:5432/history", NO_ENV);
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/history");
        assertThat(pg.user()).isEqualTo("ana");
        assertThat(pg.credentials()).isEqualTo(credentials("ana", "s3cret"));
        assertThat(pg.display()).isEqualTo("postgresql://ana@db.example.com:5432/history");
        assertThat(pg.toString()).isEqualTo(pg.display());
        assertThat(pg.shared()).isTrue();
        assertThat(postgres("postgres://ana@db.example.com/history", NO_ENV).jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/history");
    }

    @Test
    void aPercentEncodedPasswordIsDecodedButALiteralPlusStaysAPlus() {
        // %40 is @, %2B is +; a bare + is a +, not a space as in a form.
        HistoryStore.Postgres pg = postgres("postgresql://ana:p%40ss+w%2Bd@h:5432/db", NO_ENV);
        assertThat(pg.credentials()).isEqualTo(credentials("ana", "p@ss+w+d"));
        assertThat(pg.display()).isEqualTo("postgresql://ana@h:5432/db").doesNotContain("ss+w");
    }

    @Test
    void aJdbcUrlKeepsItsOtherParametersAndLosesUserAndPassword() {
        HistoryStore.Postgres pg = postgres("jdbc:postgresql://h:5433/db?user=u&password=p4ss&sslmode=require", NO_ENV);
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db?sslmode=require");
        assertThat(pg.credentials()).isEqualTo(credentials("u", "p4ss"));
        assertThat(pg.display()).isEqualTo("postgresql://u@h:5433/db?sslmode=require");
    }

    @Test
    void anIpv6HostKeepsItsBrackets() {
        assertThat(postgres("postgresql://ana@[::1]:5432/db", NO_ENV).jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(postgres("postgresql://ana@[2001:db8::1]/db", NO_ENV).display()).isEqualTo("postgresql://ana@[2001:db8::1]/db");
    }

    @Test
    void aLocationWithoutHostOrDatabaseIsAnErrorThatShowsTheFormAndNotThePassword() {
        assertRefused("postgresql://ana:s3cret@/history", "has no host");
        assertRefused("postgresql://ana:s3cret@h:5432", "has no database name");
        assertRefused("postgresql://ana:s3cret@h:5432/", "has no database name");
        assertRefused("jdbc:postgresql://h:5433/?user=ana&password=s3cret", "has no database name");
        assertRefused("postgresql://ana:s3cret word@h/db", "not a PostgreSQL location");
    }

    private static void assertRefused(String location, String why) {
        HistoryException e = catchThrowableOfType(HistoryException.class, () -> HistoryStore.parse(location, NO_ENV));
        assertThat(e).as(location).isNotNull();
        assertThat(e.getMessage()).contains(why).contains("write postgresql://USER@HOST:PORT/DATABASE (password in FIELDTEST_HISTORY_PASSWORD)")
                .contains("ana").doesNotContain("s3cret");
        // nor in a cause that a stack trace would print
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) assertThat(String.valueOf(t.getMessage())).as(location).doesNotContain("s3cret");
    }

    @Test
    void thePasswordComesFromTheLocationThenFieldtestHistoryPasswordThenPgpassword() {
        String location = "postgresql://ana@h/db";
        Map<String, String> both = Map.of(HistoryStore.PASSWORD_ENV, "from-fieldtest", "PGPASSWORD", "from-libpq");
        assertThat(postgres(location, both).credentials()).isEqualTo(credentials("ana", "from-fieldtest"));
        assertThat(postgres(location, Map.of("PGPASSWORD", "from-libpq")).credentials()).isEqualTo(credentials("ana", "from-libpq"));
        assertThat(postgres("postgresql://ana:inline@h/db", both).credentials()).isEqualTo(credentials("ana", "inline"));
        assertThat(postgres(location, NO_ENV).credentials()).isEqualTo(credentials("ana", null));
        assertThat(postgres("postgresql://h/db", NO_ENV).user()).isNull();
        assertThat(postgres(location, both).display()).isEqualTo(location);
    }

    @Test
    void anythingElseIsADuckDbFilePath() {
        assertThat(HistoryStore.parse(".fieldtest/history.duckdb", NO_ENV)).isEqualTo(HistoryStore.file(Path.of(".fieldtest/history.duckdb")));
        assertThat(HistoryStore.parse("postgresql.duckdb", NO_ENV)).isInstanceOf(HistoryStore.DuckDbFile.class);
        assertThat(HistoryStore.parse("/srv/history.duckdb", NO_ENV).display()).isEqualTo("/srv/history.duckdb");
        assertThat(HistoryStore.parse("/srv/history.duckdb", NO_ENV).shared()).isFalse();
    }
}
