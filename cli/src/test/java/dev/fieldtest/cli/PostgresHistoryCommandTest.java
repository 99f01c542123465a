package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.history.PostgresServer;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on a PostgreSQL history (a real throwaway server, {@link PostgresServer}), end to end through
 * {@link Main#execute}: the same production numbers as on a DuckDB file, a recorded run listed, and bad locations and
 * passwords refused with exit 2. The password travels in the location (tests cannot set the environment) and must
 * appear in no output and no written file.
 */
class PostgresHistoryCommandTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String password() {
        return PostgresServer.shared().password();
    }

    /** A fresh database's URL with the password in it, as a user may type it. */
    private static String newDatabase() {
        return PostgresServer.shared().newDatabaseUrl().replace(PostgresServer.USER + "@", PostgresServer.USER + ":" + password() + "@");
    }

    /** Runs the command line with System.out/err captured (the commands print there). */
    private int fieldtest(String... args) {
        return CapturedMain.execute(out, err, args);
    }

    private String stdout(String... args) {
        out.reset();
        assertThat(fieldtest(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ingestThenProductionOnPostgresShowsTheSameNumbersAsOnADuckDbFile() throws Exception {
        Path logs = Files.writeString(dir.resolve("calls.jsonl"), String.join("\n",
                ProductionCommandsTest.log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T10:00:00Z", 100, null, "Where is my refund?"),
                ProductionCommandsTest.log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T11:00:00Z", 300, null, "Cancel my order"),
                ProductionCommandsTest.log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T12:00:00Z", 40, "rate_limit_exceeded", "Hello?"),
                ProductionCommandsTest.log("support", "gpt-4o", "gpt-4o-2024-11-20", "2026-11-24T09:00:00Z", 250, null, "Refund status")) + "\n");
        Path traces = Files.writeString(dir.resolve("traces.json"), ProductionCommandsTest.otlp("00f067aa0ba902b7", "2026-11-23T13:00:00Z") + "\n");
        String file = dir.resolve("h.duckdb").toString(), pg = newDatabase();

        for (String history : List.of(file, pg)) {
            assertThat(stdout("ingest", logs.toString(), traces.toString(), "--history", history, "--feature-attribute", "app.feature"))
                    .contains("ingested 5 new production calls");
        }
        String pgJson = stdout("production", "--history", pg, "--json");
        assertThat(pgJson).isEqualTo(stdout("production", "--history", file, "--json"));
        assertThat(stdout("production", "--history", pg, "--window", "week")).isEqualTo(stdout("production", "--history", file, "--window", "week"))
                .contains("gpt-4o-2024-08-06 -> gpt-4o-2024-11-20");

        // 23 Nov, gpt-4o-2024-08-06: 100 ms, 300 ms and a rate-limited call. p50 = the 1st success, 100 000 µs in a 64 µs bucket
        // [99 968, 100 031] → 100.031 ms; throttle rate 1 of 3.
        JsonNode day = new ObjectMapper().readTree(pgJson).at("/rows/1");
        assertThat(day.get("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(day.get("calls").asLong()).isEqualTo(3);
        assertThat(day.get("throttle_rate").asDouble()).isEqualTo(1 / 3.0);
        assertThat(day.get("latency_p50_ms").asDouble()).isEqualTo(100.031);
        assertThat(printed()).doesNotContain(password());
    }

    @Test
    void historyCopyToMovesADuckDbFileIntoAnEmptyPostgresDatabaseAndRefusesAFullOne() throws Exception {
        Path logs = Files.writeString(dir.resolve("calls.jsonl"), String.join("\n",
                ProductionCommandsTest.log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T10:00:00Z", 100, null, "Where is my refund?"),
                ProductionCommandsTest.log("support", "gpt-4o", "gpt-4o-2024-08-06", "2026-11-23T11:00:00Z", 300, null, "Cancel my order")) + "\n");
        String file = dir.resolve("h.duckdb").toString(), pg = newDatabase();
        stdout("ingest", logs.toString(), "--history", file);
        stdout("claim", "add", "--history", file, "--vendor", "openai", "--model", "gpt-4o", "--metric", "latency_ms.p95", "--value", "900",
                "--source", "model card", "--date", "2026-01-05");

        String copied = stdout("history", "--history", file, "--copy-to", pg);
        assertThat(copied).containsPattern("production_spans +2 rows").containsPattern("claims +1 rows").containsPattern("runs +0 rows")
                .contains("copied " + file + " to " + pg.replace(":" + password() + "@", "@"));
        assertThat(stdout("production", "--history", pg, "--json")).isEqualTo(stdout("production", "--history", file, "--json"));
        assertThat(stdout("claim", "list", "--history", pg)).isEqualTo(stdout("claim", "list", "--history", file));

        err.reset();
        assertThat(fieldtest("history", "--history", file, "--copy-to", pg)).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already has rows", "copy into an empty history");
        assertThat(printed()).doesNotContain(password());
    }

    @Test
    void aRunRecordedInPostgresIsListedByHistory() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            Path suite = CapitalsSuite.write(dir, server, ""); // 2 of 3 calls pass
            String pg = newDatabase();
            assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r1").toString(), "--history", pg)).isZero();
            String shown = pg.replace(":" + password() + "@", "@");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("fieldtest: recorded in the run history " + shown);

            JsonNode runs = new ObjectMapper().readTree(stdout("history", "--history", pg, "--json"));
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).path("suite").asText()).isEqualTo("capitals");
            assertThat(runs.get(0).path("run_dir").asText()).isEqualTo(dir.resolve("r1").toAbsolutePath().toString());
            assertThat(runs.get(0).path("calls").asInt()).isEqualTo(3);
            assertThat(runs.get(0).path("targets").path("m").path("pass_rate.value").asDouble()).isEqualTo(0.666667);
            assertThat(stdout("history", "--history", pg)).contains(runs.get(0).path("run_id").asText(), "capitals", "m 66.7% (n=3)");
            assertThat(printed()).doesNotContain(password());
            try (Stream<Path> files = Files.walk(dir.resolve("r1"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password());
            }
        }
    }

    @Test
    void aLocationWithoutADatabaseIsExit2NamingWhatIsMissing() {
        assertThat(fieldtest("history", "--history", "postgresql://127.0.0.1/")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("postgresql://127.0.0.1/", "no database name", "postgresql://USER@HOST:PORT/DATABASE");
        err.reset();
        assertThat(fieldtest("production", "--history", "postgresql:///fieldtest")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no host");
    }

    @Test
    void aWrongPasswordIsExit2SayingWhereThePasswordComesFromAndNeverPrintsIt() {
        String wrong = "Wr0ngSecret-" + Long.toHexString(System.nanoTime());
        String pg = PostgresServer.shared().newDatabaseUrl().replace(PostgresServer.USER + "@", PostgresServer.USER + ":" + wrong + "@");
        assertThat(fieldtest("history", "--history", pg)).isEqualTo(Main.BAD_INPUT);
        assertThat(fieldtest("production", "--history", pg, "--json")).isEqualTo(Main.BAD_INPUT);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("cannot connect to the PostgreSQL history database", "FIELDTEST_HISTORY_PASSWORD");
        assertThat(printed()).doesNotContain(wrong).doesNotContain(password());
    }

    @Test
    void theLocationComesFromTheOptionThenFieldtestHistoryThenTheDefaultFile() {
        var env = java.util.Map.of("FIELDTEST_HISTORY", "postgresql://ops@db.internal:5433/fieldtest", "FIELDTEST_HISTORY_PASSWORD", "s3cret");
        assertThat(HistoryLocation.resolve(null, env).display()).isEqualTo("postgresql://ops@db.internal:5433/fieldtest");
        assertThat(HistoryLocation.resolve(null, env).shared()).isTrue();
        assertThat(HistoryLocation.resolve("runs.duckdb", env).display()).isEqualTo("runs.duckdb");
        assertThat(HistoryLocation.resolve(null, java.util.Map.of()).display()).isEqualTo(Path.of(".fieldtest", "history.duckdb").toString());
        assertThat(HistoryLocation.resolve(null, java.util.Map.of("FIELDTEST_HISTORY", " ")).display()).isEqualTo(Path.of(".fieldtest", "history.duckdb").toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoryLocation.resolve(null, java.util.Map.of("FIELDTEST_HISTORY", "postgresql://db.internal/")))
                .hasMessageStartingWith("FIELDTEST_HISTORY: ").hasMessageContaining("no database name");
    }
}
