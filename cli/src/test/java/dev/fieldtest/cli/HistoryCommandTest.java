package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.history.CallRow;
import dev.fieldtest.history.MetricPoint;
import dev.fieldtest.history.RunHistory;
import dev.fieldtest.history.RunKind;
import dev.fieldtest.history.RunSummary;
import dev.fieldtest.history.TargetMetric;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldtest run / load record into the run history, end to end over loopback HTTP; fieldtest history lists it. */
class HistoryCommandTest {
    @TempDir Path dir;
    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    /** France and Japan answered right, Italy wrong: 2 of 3 calls pass; a short load section for fieldtest load. */
    private Path suite() throws Exception {
        return CapitalsSuite.write(dir, server, "load: {profile: constant, rates: [20], duration: 1s, warm_up: 200ms, cool_down: 0s}\n");
    }

    /** Runs the command line with System.out/err captured (the commands print there). */
    private int fieldtest(String... args) {
        return CapturedMain.execute(out, err, args);
    }

    @Test
    void aRunIsRecordedInTheGivenHistoryFileWithItsCallsAndMetrics() throws Exception {
        Path suite = suite();
        Path db = dir.resolve("h/history.duckdb");
        assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r1").toString(), "--quiet", "--history", db.toString())).isZero();
        try (RunHistory h = RunHistory.open(db)) {
            List<RunSummary> runs = h.runs();
            assertThat(runs).hasSize(1);
            RunSummary run = runs.get(0);
            assertThat(run.kind()).isEqualTo(RunKind.RUN);
            assertThat(run.suite()).isEqualTo("capitals");
            assertThat(run.status()).isEqualTo("complete");
            assertThat(run.runDir()).isEqualTo(dir.resolve("r1").toAbsolutePath().toString());
            assertThat(run.headline().get("m")).isEqualTo(new RunSummary.Headline(0.666667, 3L));
            List<CallRow> calls = h.calls(run.runId());
            assertThat(calls).hasSize(3);
            assertThat(calls).filteredOn(CallRow::passed).extracting(CallRow::caseId).containsExactlyInAnyOrder("a", "c");
            assertThat(h.metricSeries("m", "pass_rate.value")).extracting(MetricPoint::value).containsExactly(0.666667);
            assertThat(h.metrics(run.runId())).contains(new TargetMetric("m", "calls", 3), new TargetMetric("m", "pass_rate.passes", 2));
        }
    }

    @Test
    void noHistoryWritesNoDatabaseAndBothOptionsTogetherAreAUsageError() throws Exception {
        Path suite = suite();
        Path defaultFile = Defaults.HISTORY_FILE.toAbsolutePath();
        boolean existed = Files.exists(defaultFile);
        long before = existed ? Files.getLastModifiedTime(defaultFile).toMillis() : -1;
        assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r1").toString(), "--quiet", "--no-history")).isZero();
        assertThat(dir.resolve("r1/summary.json")).exists();
        assertThat(Files.exists(defaultFile)).isEqualTo(existed);
        if (existed) assertThat(Files.getLastModifiedTime(defaultFile).toMillis()).isEqualTo(before);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".duckdb"))).isEmpty();
        }

        assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r2").toString(), "--history", dir.resolve("x.duckdb").toString(), "--no-history"))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mutually exclusive");
        assertThat(dir.resolve("r2")).doesNotExist();
    }

    @Test
    void aHistoryThatCannotBeWrittenIsAWarningAndTheRunKeepsItsFilesAndExitCode() throws Exception {
        Path suite = suite();
        Path db = dir.resolve("newer.duckdb");
        try (RunHistory ignored = RunHistory.open(db)) {
            // created at the newest version, then marked as written by a newer fieldtest
        }
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db); var s = c.createStatement()) {
            s.execute("INSERT INTO schema_migrations VALUES (99, TIMESTAMP '2030-01-01 00:00:00')");
        }
        assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r1").toString(), "--quiet", "--history", db.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fieldtest: warning: the run was not recorded in the run history: "
                + db + ": history database schema version 99 is newer than this fieldtest supports (" + RunHistory.supportedSchemaVersion() + ")");
        for (String f : new String[] {"results.jsonl", "summary.json", "report.md"}) assertThat(dir.resolve("r1").resolve(f)).isNotEmptyFile();

        err.reset();
        assertThat(fieldtest("history", "--history", db.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("upgrade fieldtest or use another --history file");
    }

    @Test
    void aLoadRunIsRecordedAndHistoryListsBothNewestFirst() throws Exception {
        Path suite = suite();
        Path db = dir.resolve("history.duckdb");
        assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r1").toString(), "--quiet", "--history", db.toString())).isZero();
        assertThat(fieldtest("load", suite.toString(), "--out", dir.resolve("l1").toString(), "--quiet", "--history", db.toString())).isZero();

        out.reset();
        assertThat(fieldtest("history", "--history", db.toString(), "--json")).isZero();
        JsonNode runs = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("kind").asText()).isEqualTo("load");
        assertThat(runs.get(1).path("kind").asText()).isEqualTo("run");
        assertThat(runs.get(1).path("calls").asInt()).isEqualTo(3);
        assertThat(runs.get(1).path("targets").path("m").path("pass_rate.value").asDouble()).isEqualTo(0.666667);
        assertThat(runs.get(1).path("targets").path("m").path("pass_rate.n").asInt()).isEqualTo(3);
        try (RunHistory h = RunHistory.open(db)) {
            // 20 requests a second over the 0.8 s measured window: 16 sent.
            assertThat(h.metrics(runs.get(0).path("run_id").asText()))
                    .contains(new TargetMetric("m", "steps.0.offered_rps", 20), new TargetMetric("m", "steps.0.sent", 16));
        }

        out.reset();
        assertThat(fieldtest("history", "--history", db.toString())).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("RUN ID").contains("KIND", "SUITE", "STATUS", "STARTED (UTC)", "TARGETS");
        // A 16-send step is invalid after one send over 1 ms late (a busy CI machine): then no rate counts as sustained.
        assertThat(lines.get(1)).contains(runs.get(0).path("run_id").asText(), "load", "capitals", "complete")
                .satisfiesAnyOf(l -> assertThat(l).endsWith("m max 20 rps"), l -> assertThat(l).endsWith("m no rate met every SLO"));
        assertThat(lines.get(2)).contains(runs.get(1).path("run_id").asText(), "run", "capitals", "complete").endsWith("m 66.7% (n=3)");
    }

    @Test
    void historyWithoutAFileSaysSoAndCreatesNothingAndRecordAddsADirectory() throws Exception {
        Path db = dir.resolve("none.duckdb");
        assertThat(fieldtest("history", "--history", db.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No runs recorded yet: " + db + " does not exist");
        assertThat(db).doesNotExist();

        Path suite = suite();
        assertThat(fieldtest("run", suite.toString(), "--out", dir.resolve("r1").toString(), "--quiet", "--no-history")).isZero();
        out.reset();
        assertThat(fieldtest("history", "--history", db.toString(), "--record", dir.resolve("r1").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("recorded ");
        assertThat(fieldtest("history", "--history", db.toString(), "--record", dir.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds neither summary.json nor load.json");
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.runs()).hasSize(1);
        }
    }
}
