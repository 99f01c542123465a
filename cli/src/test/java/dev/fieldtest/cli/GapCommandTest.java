package dev.fieldtest.cli;

import static dev.fieldtest.cli.ClaimCommandTest.fieldtest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fieldtest gap over hand-made run directories, claims and production rows, every number worked by hand. */
class GapCommandTest {
    @TempDir Path dir;

    private String db() {
        return dir.resolve("h.duckdb").toString();
    }

    /** A run whose target t of model {@code model} at api.acme.com passed {@code passRate} of 50 with the given ci95. */
    static Path runDir(Path dir, String runId, String started, String suite, String model, double passRate, double lo, double hi) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), """
                {"schema_version": 1, "run_id": "%s", "status": "complete", "started_at": "%s", "finished_at": "%s",
                 "targets": {"t": {"calls": 50, "errors": 0, "pass_rate": {"value": %s, "ci95": [%s, %s], "n": 50},
                   "latency_ms": {"p95": 150.0, "n": 50}}},
                 "provenance": {"fieldtest_version": "0.1.0-test", "suite": {"name": "%s"},
                   "targets": {"t": {"id": "t", "type": "openai", "base_url": "https://api.acme.com/v1", "model": "%s"}}},
                 "properties": []}
                """.formatted(runId, started, started, passRate, lo, hi, suite, model));
        Files.writeString(dir.resolve("results.jsonl"), "");
        return dir;
    }

    @Test
    void gapShowsClaimOfflineProductionDeltasAndTheVendorsRealisation() throws Exception {
        assertThat(fieldtest("history", "--history", db(), "--record",
                runDir(dir.resolve("r1"), "r1", "2026-11-02T10:00:00Z", "qa", "m1", 0.72, 0.6, 0.8).toString(),
                runDir(dir.resolve("r2"), "r2", "2026-11-02T11:00:00Z", "qa", "m2", 0.60, 0.5, 0.7).toString(),
                runDir(dir.resolve("r3"), "r3", "2026-11-02T12:00:00Z", "qa", "m3", 0.45, 0.3, 0.6).toString()).code()).isZero();
        Path claims = Files.writeString(dir.resolve("claims.yaml"), """
                - {vendor: acme, model: m1, metric: pass_rate.value, value: 0.9, source: card, date: 2026-01-05}
                - {vendor: acme, model: m2, metric: pass_rate.value, value: 0.8, source: card, date: 2026-01-05}
                - {vendor: acme, model: m3, metric: pass_rate.value, value: 0.5, source: card, date: 2026-01-05}
                - {vendor: acme, model: m4, metric: pass_rate.value, value: 0.91, source: card, date: 2026-06-01}
                """);
        assertThat(fieldtest("claim", "import", claims.toString(), "--history", db()).code()).isZero();
        // Production, week of Monday 2026-11-16: 4 scored spans of m1, 3 passed.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db()); Statement s = c.createStatement()) {
            for (int i = 0; i < 4; i++) {
                s.execute(("INSERT INTO production_scores (trace_id, span_id, suite, feature, model, started_at, passed, failed_checks, verdicts, scored_at) "
                        + "VALUES ('t%d', 's', 'qa', 'search', 'm1', TIMESTAMP '2026-11-17 08:00:00', %s, [], '[]', now())").formatted(i, i < 3));
            }
        }
        ClaimCommandTest.Result r = fieldtest("gap", "--json", "--history", db());
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode gaps = root.path("gaps");
        assertThat(gaps).hasSize(4);
        // acme over its three measured claims (m4 has no run): 0.54^(1/3), range 0.75–0.9
        JsonNode acme = root.path("vendors").get(0);
        assertThat(acme.path("vendor").asText()).isEqualTo("acme");
        assertThat(acme.path("n").asInt()).isEqualTo(3);
        assertThat(acme.path("ratio").asDouble()).isEqualTo(0.814325, within(1e-6));
        assertThat(acme.path("min").asDouble()).isEqualTo(0.75, within(1e-12));
        JsonNode m1 = gaps.get(0);
        assertThat(m1.path("model").asText()).isEqualTo("m1");
        assertThat(m1.path("offline").get(0).path("ci95").get(0).asDouble()).isEqualTo(0.6);
        assertThat(m1.path("claimed_minus_offline").asDouble()).isEqualTo(0.18, within(1e-12)); // 0.90 − 0.72
        JsonNode week = m1.path("production").get(0);
        assertThat(week.path("week_of").asText()).isEqualTo("2026-11-16");
        assertThat(week.path("value").asDouble()).isEqualTo(0.75);
        // Wilson 95 % for 3/4 by hand: (0.3006, 0.9544)
        assertThat(week.path("ci95").get(0).asDouble()).isEqualTo(0.3006, within(1e-4));
        assertThat(week.path("ci95").get(1).asDouble()).isEqualTo(0.9544, within(1e-4));
        assertThat(m1.path("offline_minus_production").asDouble()).isEqualTo(-0.03, within(1e-12)); // 0.72 − 0.75
        // m4: ratios 0.8, 0.75, 0.9 → (0.54)^(1/3) = 0.814325; expect 0.91 × 0.814325 = 0.741036
        JsonNode m4 = gaps.get(3);
        assertThat(m4.path("realisation").path("ratio").asDouble()).isEqualTo(0.814325, within(1e-6));
        assertThat(m4.path("realisation").path("n").asInt()).isEqualTo(3);
        assertThat(m4.path("realisation").path("expected").asDouble()).isEqualTo(0.741036, within(1e-6));

        String text = fieldtest("gap", "--model", "m4", "--history", db()).out();
        assertThat(text).contains("acme's pass_rate.value claims have realised 0.814× (n=3 claims, range 0.75–0.9); expect 0.741 for this 0.91 claim");
        assertThat(text).contains("realisation (measured ÷ claimed, geometric mean over every measured claim; docs/ledger.md)\n  acme  pass_rate.value  0.814× (n=3 claims, range 0.75–0.9)");
        assertThat(fieldtest("gap", "--model", "m1", "--history", db()).out())
                .contains("offline     2026-11-02  0.72 [0.6, 0.8] n=50  claimed−offline +0.18  run r1 target t")
                .contains("production  week of 2026-11-16  0.75 [0.301, 0.954] n=4  offline−production -0.03");
    }

    @Test
    void aMappingFileSaysWhichModelATargetIs() throws Exception {
        Path run = runDir(dir.resolve("r1"), "r1", "2026-11-02T10:00:00Z", "qa", "my-deployment", 0.72, 0.6, 0.8);
        Files.writeString(run.resolve("summary.json"), Files.readString(run.resolve("summary.json")).replace("https://api.acme.com/v1", "http://127.0.0.1:8080/v1"));
        fieldtest("history", "--history", db(), "--record", run.toString());
        fieldtest("claim", "add", "--vendor", "acme", "--model", "m1", "--metric", "pass_rate.value", "--value", "0.9", "--source", "card", "--date", "2026-01-05",
                "--history", db());
        assertThat(fieldtest("gap", "--history", db()).out()).contains("no recorded run has a target of acme/m1"); // local/my-deployment by the rule
        Path mapping = Files.writeString(dir.resolve("ledger.yaml"), "ledger:\n  targets:\n    t: {vendor: acme, model: m1}\n");
        assertThat(fieldtest("gap", "--mapping", mapping.toString(), "--history", db()).out()).contains("offline     2026-11-02  0.72 [0.6, 0.8] n=50");

        Files.writeString(mapping, "ledger:\n  targets:\n    t: {vendor: acme, modle: m1}\n");
        ClaimCommandTest.Result bad = fieldtest("gap", "--mapping", mapping.toString(), "--history", db());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(mapping + ":3:8: ledger.targets.t.model must be a non-empty text").contains(mapping + ":3:23: ledger.targets.t has an unknown key \"modle\"");
    }

    @Test
    void aBadMapIsRefused() {
        ClaimCommandTest.Result r = fieldtest("gap", "--map", "proxy=gpt-4o", "--history", db());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--map proxy=gpt-4o is not TARGET=VENDOR/MODEL");
    }
}
