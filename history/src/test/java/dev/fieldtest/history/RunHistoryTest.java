package dev.fieldtest.history;

import static dev.fieldtest.history.StoreSql.doubles;
import static dev.fieldtest.history.StoreSql.longs;
import static dev.fieldtest.history.StoreSql.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recording run directories and reading them back, against the numbers written into {@link Fixtures} by hand. */
class RunHistoryTest extends OnEveryStore {
    @Test
    void aRunDirectoryIsStoredAsOneRunItsMetricsAndItsCalls() throws Exception {
        Path runDir = Fixtures.run(dir.resolve("out"), "20261123-100000-aaaa", "2026-11-23T10:00:00.25Z", 0.666667);
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.recordRunDirectory(runDir)).isFalse();

            RunSummary run = h.run("20261123-100000-aaaa").orElseThrow();
            assertThat(run.kind()).isEqualTo(RunKind.RUN);
            assertThat(run.suite()).isEqualTo("capitals");
            assertThat(run.status()).isEqualTo("complete");
            assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.25Z"));
            assertThat(run.finishedAt()).isEqualTo(Instant.parse("2026-11-23T23:59:59.5Z"));
            assertThat(run.runDir()).isEqualTo(runDir.toAbsolutePath().toString());
            assertThat(run.fieldtestVersion()).isEqualTo("0.1.0-test");
            assertThat(run.calls()).isEqualTo(3);
            assertThat(run.headline()).isEqualTo(Map.of("m", new RunSummary.Headline(0.666667, 3L)));
            assertThat(h.summaryJson(run.runId()).orElseThrow()).isEqualTo(Files.readString(runDir.resolve("summary.json")));

            List<CallRow> calls = h.calls(run.runId());
            assertThat(calls).extracting(CallRow::repeat).containsExactly(0, 1, 2);
            assertThat(calls).filteredOn(CallRow::passed).hasSize(2);
            CallRow second = calls.get(1);
            assertThat(second.variant()).isEqualTo("typos");
            assertThat(second.ttftMs()).isEqualTo(42.5);
            assertThat(second.inputTokens()).isEqualTo(10L);
            assertThat(second.tags()).containsExactly("easy");
            assertThat(second.line()).isEqualTo(2);
            assertThat(second.rowJson()).isEqualTo(Files.readAllLines(runDir.resolve("results.jsonl")).get(1));
            CallRow third = calls.get(2);
            assertThat(third.error()).isEqualTo("timeout");
            assertThat(third.inputTokens()).isNull();
            assertThat(third.ttftMs()).isNull();
            assertThat(third.variant()).isNull();
        }
        // Straight SQL, as docs/history.md shows it: 26 numeric leaves (5 counts, 5 of pass_rate, 6 latency, 2 tokens,
        // 3 cost, calibration.n, 4 of the slice); nulls (ece, brier, worst_slice) are left out.
        assertThat(longs(db, "SELECT count(*) FROM target_metrics")).containsExactly(26L);
        assertThat(doubles(db, "SELECT value FROM target_metrics WHERE metric = 'pass_rate.value'")).containsExactly(0.666667);
        assertThat(doubles(db, "SELECT value FROM target_metrics WHERE metric = 'latency_ms.p95'")).containsExactly(150.0);
        assertThat(doubles(db, "SELECT value FROM target_metrics WHERE metric = 'pass_rate.ci95.1'")).containsExactly(0.93851);
        assertThat(longs(db, "SELECT count(*) FROM target_metrics WHERE metric LIKE 'calibration.e%'")).containsExactly(0L);
        // 2 passing calls of 3; their mean latency (100 + 150) / 2; cost 0.0001 + 0.0001 + 0.
        assertThat(strings(db, "SELECT count(*) FILTER (WHERE passed) || '/' || count(*) FROM calls")).containsExactly("2/3");
        assertThat(doubles(db, "SELECT avg(latency_ms) FROM calls WHERE passed")).containsExactly(125.0);
        assertThat(doubles(db, "SELECT sum(cost_usd) FROM calls").get(0)).isCloseTo(0.0002, within(1e-12));
        assertThat(longs(db, "SELECT count(*) FROM calls WHERE array_position(tags, 'easy') IS NOT NULL")).containsExactly(3L);
        assertThat(strings(db, "SELECT row_json::JSON ->> 'output' FROM calls WHERE \"repeat\" = 0")).containsExactly("Paris");
    }

    @Test
    void recordingTheSameRunAgainReplacesItInsteadOfDuplicating() throws Exception {
        Path runDir = Fixtures.run(dir.resolve("out"), "r1", "2026-11-23T10:00:00Z", 0.666667);
        try (RunHistory h = RunHistory.open(db)) {
            assertThat(h.recordRunDirectory(runDir)).isFalse();
            Fixtures.run(runDir, "r1", "2026-11-23T10:00:00Z", 0.5); // the same run, its summary rewritten
            assertThat(h.recordRunDirectory(runDir)).isTrue();
            assertThat(h.runs()).hasSize(1);
            assertThat(h.calls("r1")).hasSize(3);
            assertThat(h.metricSeries("m", "pass_rate.value")).extracting(MetricPoint::value).containsExactly(0.5);
        }
        assertThat(longs(db, "SELECT count(*) FROM target_metrics")).containsExactly(26L);
    }

    @Test
    void aMetricSeriesIsInStartTimeOrderWhateverTheRecordingOrder() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(Fixtures.run(dir.resolve("b"), "run-b", "2026-11-23T12:00:00Z", 0.5));
            h.recordRunDirectory(Fixtures.run(dir.resolve("a"), "run-a", "2026-11-22T09:00:00Z", 0.25));
            h.recordRunDirectory(Fixtures.run(dir.resolve("c"), "run-c", "2026-11-24T08:30:00Z", 0.75));

            assertThat(h.metricSeries("m", "pass_rate.value")).containsExactly(
                    new MetricPoint("run-a", Instant.parse("2026-11-22T09:00:00Z"), 0.25),
                    new MetricPoint("run-b", Instant.parse("2026-11-23T12:00:00Z"), 0.5),
                    new MetricPoint("run-c", Instant.parse("2026-11-24T08:30:00Z"), 0.75));
            assertThat(h.runs()).extracting(RunSummary::runId).containsExactly("run-c", "run-b", "run-a");
            assertThat(h.metricSeries("m", "no.such.metric")).isEmpty();
            assertThat(h.metricSeries("other", "pass_rate.value")).isEmpty();
            // the select lists of serve's metric page: one target, and its paths once each however many runs hold them
            assertThat(h.targets()).containsExactly("m");
            assertThat(h.metricPaths("m")).contains("pass_rate.value", "latency_ms.p95").doesNotHaveDuplicates()
                    .isSorted().hasSameSizeAs(h.metrics("run-a"));
            assertThat(h.metricPaths("other")).isEmpty();
        }
    }

    @Test
    void aLoadRunIsStoredWithItsStepFiguresAndNoCalls() throws Exception {
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(Fixtures.load(dir.resolve("load"), "load-1"));
            RunSummary run = h.run("load-1").orElseThrow();
            assertThat(run.kind()).isEqualTo(RunKind.LOAD);
            assertThat(run.status()).isEqualTo("complete");
            assertThat(run.calls()).isZero();
            assertThat(run.headline()).isEqualTo(Map.of("m", new RunSummary.Headline(20.0, null)));
            // cold_start.latency_ms, 4 per step (index, offered_rps, corrected n and p95) × 2, max_sustained_rps;
            // not the settings' temperature, not booleans, not nulls.
            assertThat(h.metrics("load-1")).hasSize(10).contains(new TargetMetric("m", "steps.1.latency_ms.corrected.p95", 95.5),
                    new TargetMetric("m", "cold_start.latency_ms", 812.5));
            assertThat(h.calls("load-1")).isEmpty();
        }
    }

    @Test
    void aTornLastLineIsSkippedButADamagedMiddleLineIsAnErrorNamingIt() throws Exception {
        Path runDir = Fixtures.run(dir.resolve("out"), "r1", "2026-11-23T10:00:00Z", 0.666667);
        Path results = runDir.resolve("results.jsonl");
        Files.writeString(results, Files.readString(results) + "{\"run_id\":\"r1\",\"target\":\"m\",\"ca");
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(runDir);
            assertThat(h.calls("r1")).hasSize(3);

            List<String> lines = Files.readAllLines(results);
            Files.write(results, List.of(lines.get(0), "{not json", lines.get(1)));
            assertThatThrownBy(() -> h.recordRunDirectory(runDir)).isInstanceOf(HistoryException.class)
                    .hasMessageStartingWith(results.toAbsolutePath() + ":2: ");
            assertThat(h.calls("r1")).as("the failed record left the earlier one alone").hasSize(3);
        }
    }

    @Test
    void aRecordThatFailsHalfwayLeavesTheEarlierRecordWhole() throws Exception {
        Path runDir = Fixtures.run(dir.resolve("out"), "r1", "2026-11-23T10:00:00Z", 0.666667);
        try (RunHistory h = RunHistory.open(db)) {
            h.recordRunDirectory(runDir);
            RunRecord good = RunRecord.read(runDir);
            // The run row and the metrics are written before this call row, whose NULL target breaks a NOT NULL column.
            CallRow broken = new CallRow("r1", 1, null, "a", 0, null, true, null, 1.0, null, 0.0, null, null, List.of(), "{}");
            RunRecord bad = new RunRecord("r1", RunKind.RUN, "changed", good.startedAt(), good.finishedAt(), "aborted", good.runDir(),
                    good.fieldtestVersion(), "{}", List.of(new TargetMetric("m", "pass_rate.value", 0.1)), List.of(broken));
            assertThatThrownBy(() -> h.record(bad)).isInstanceOf(HistoryException.class).hasMessageContaining("could not record run r1");

            RunSummary run = h.run("r1").orElseThrow();
            assertThat(run.suite()).isEqualTo("capitals");
            assertThat(run.status()).isEqualTo("complete");
            assertThat(run.calls()).isEqualTo(3);
            assertThat(h.metricSeries("m", "pass_rate.value")).extracting(MetricPoint::value).containsExactly(0.666667);
        }
        assertThat(longs(db, "SELECT count(*) FROM target_metrics")).containsExactly(26L);
    }

    @Test
    void aDirectoryWithoutARunIsAnErrorSayingWhatIsExpected() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (RunHistory h = RunHistory.open(db)) {
            assertThatThrownBy(() -> h.recordRunDirectory(empty)).isInstanceOf(HistoryException.class)
                    .hasMessage(empty.toAbsolutePath() + " holds neither summary.json nor load.json; pass a directory written by `fieldtest run` or `fieldtest load`");
            assertThat(h.runs()).isEmpty();
        }
    }
}
