package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * summary.json's {@code paired} section and {@code fieldtest compare}, on real runs over a loopback stub. Twelve
 * cases, one repeat: model "new" answers every case right, model "old" only c01–c04, and its wrong answers carry
 * a script tag. Hand-worked: n = 12, a_only = 0, b_only = 8, McNemar p = 2/2^8 = 0.0078125. Every case holds one
 * pair, so a bootstrap resample's difference is X/12 with X ~ Bin(12, 8/12); its exact CDF puts the 2.5 %
 * point at X = 5 (P(X ≤ 4) = 0.0188, P(X ≤ 5) = 0.0665) and the 97.5 % point at X = 11 (P(X ≤ 10) = 0.946,
 * P(X ≤ 11) = 0.992), so the interval is [5/12, 11/12] — the order statistics used are more than 4 Monte Carlo
 * standard deviations from either step. Connor: ψ = 8/12, (1.600304 + 0.685891)² / 0.0025 = 2090.7 → 2091.
 */
class CompareCommandTest {
    private static final String VERDICT = "B is better by 66.7 points, 95% CI 41.7–91.7 (McNemar p = 0.007, n = 12)";
    @TempDir static Path dir;
    private static FakeOpenAiServer server;
    private static Path base;
    private static Path next;
    private static Path both;

    @BeforeAll
    static void runSuites() throws Exception {
        server = FakeOpenAiServer.start();
        server.respondWith(r -> {
            int id = Integer.parseInt(r.lastUserMessage().replaceAll("\\D", ""));
            return Behavior.reply(r.model().equals("new") || id <= 4 ? "OK" : "<script>alert(1)</script> nope");
        });
        StringBuilder cases = new StringBuilder();
        for (int i = 1; i <= 12; i++) cases.append(String.format("{\"id\": \"c%02d\"}\n", i));
        Files.writeString(dir.resolve("cases.jsonl"), cases);
        Path single = Files.writeString(dir.resolve("single.yaml"), """
                prompt: "Say OK ({{id}})"
                dataset: cases.jsonl
                targets: [{id: m, type: openai, base_url: "${STUB}", model: "${MODEL}"}]
                checks: [{type: contains, value: OK}]
                """);
        Path pair = Files.writeString(dir.resolve("pair.yaml"), """
                prompt: "Say OK ({{id}})"
                dataset: cases.jsonl
                targets:
                  - {id: old, type: openai, base_url: "${STUB}", model: old}
                  - {id: new, type: openai, base_url: "${STUB}", model: new}
                checks: [{type: contains, value: OK}]
                """);
        base = run(single, "base", "old");
        next = run(single, "next", "new");
        both = run(pair, "both", "unused");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path run(Path suite, String name, String model) throws Exception {
        Path out = dir.resolve(name);
        int code = new RunDriver(new PrintStream(PrintStream.nullOutputStream()), System.err, true)
                .run(suite, out, new RunDriver.Overrides(null, null), new Env(Map.of("STUB", server.baseUrl(), "MODEL", model)));
        assertThat(code).isZero();
        return out;
    }

    private record Outcome(int code, String out, String err) {}

    private static Outcome compare(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new CommandLine(new CompareCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void summaryHasThePairedSection() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(both.resolve("summary.json").toFile());
        JsonNode p = summary.path("paired").path("old_vs_new");
        assertThat(p.path("target_a").asText()).isEqualTo("old");
        assertThat(p.path("target_b").asText()).isEqualTo("new");
        assertThat(p.path("n").asInt()).isEqualTo(12);
        assertThat(p.path("cases").asInt()).isEqualTo(12);
        assertThat(p.path("pass_rate_a").asDouble()).isEqualTo(0.333333);
        assertThat(p.path("pass_rate_b").asDouble()).isEqualTo(1.0);
        assertThat(p.path("difference").asDouble()).isEqualTo(0.666667);
        assertThat(p.path("ci95").path(0).asDouble()).isEqualTo(0.416667);
        assertThat(p.path("ci95").path(1).asDouble()).isEqualTo(0.916667);
        assertThat(p.path("a_only").asInt()).isZero();
        assertThat(p.path("b_only").asInt()).isEqualTo(8);
        assertThat(p.path("mcnemar_p").asDouble()).isEqualTo(0.0078125);
        assertThat(p.path("detectable_n_5pts").asLong()).isEqualTo(2091);
        assertThat(p.path("verdict").asText()).isEqualTo(VERDICT.replaceFirst("^B is better", "new is better than old"));
        JsonNode single = new ObjectMapper().readTree(base.resolve("summary.json").toFile());
        assertThat(single.has("paired")).isFalse(); // one target: nothing to pair
    }

    @Test
    void textTableWithTheVerdict() {
        Outcome o = compare(base.toString(), next.toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("A = " + base + " (baseline), B = " + next)
                .containsPattern("(?m)^m +12 +12 +33\\.3% +100\\.0% +\\+66\\.7 +\\[\\+41\\.7, \\+91\\.7\\] +0 +8 +0\\.007$")
                .contains("  " + VERDICT);
    }

    @Test
    void jsonHasTheSameFields() throws Exception {
        Outcome o = compare(base.toString(), next.toString(), "--json", "--target", "m");
        assertThat(o.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(o.out());
        assertThat(doc.path("run_a").asText()).isEqualTo(base.toString());
        assertThat(doc.path("run_b").asText()).isEqualTo(next.toString());
        JsonNode c = doc.path("comparisons").path(0);
        assertThat(c.path("target").asText()).isEqualTo("m");
        assertThat(c.path("n").asInt()).isEqualTo(12);
        assertThat(c.path("b_only").asInt()).isEqualTo(8);
        assertThat(c.path("mcnemar_p").asDouble()).isEqualTo(0.0078125);
        assertThat(c.path("ci95").toString()).isEqualTo("[0.416667,0.916667]");
        assertThat(c.path("verdict").asText()).isEqualTo(VERDICT);
        // Reversed, the baseline is the better run.
        JsonNode back = new ObjectMapper().readTree(compare(next.toString(), base.toString(), "--json").out()).path("comparisons").path(0);
        assertThat(back.path("a_only").asInt()).isEqualTo(8);
        assertThat(back.path("verdict").asText()).isEqualTo(VERDICT.replaceFirst("^B", "A"));
    }

    @Test
    void htmlEscapesModelOutput() throws Exception {
        Path page = dir.resolve("compare.html");
        Outcome o = compare(base.toString(), next.toString(), "--html", page.toString());
        assertThat(o.code()).isZero();
        String html = Files.readString(page);
        assertThat(html).doesNotContainIgnoringCase("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; nope")
                .contains("c05").contains(VERDICT).contains("8 of 8");
    }

    @Test
    void badInputExitsWith2AndSaysWhereAndHow() throws Exception {
        Outcome missing = compare(dir.resolve("nowhere").toString(), next.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere: no such run directory. Fix: pass the --out directory");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(compare(empty.toString(), next.toString()).err()).contains("results.jsonl: not found");

        Path broken = Files.createDirectories(dir.resolve("broken"));
        String first = Files.readAllLines(base.resolve("results.jsonl")).get(0);
        Files.writeString(broken.resolve("results.jsonl"), first + "\n" + first.replace("\"pass\":true", "\"pass\":\"yes\"")
                .replace("\"pass\":false", "\"pass\":\"yes\"") + "\n");
        Outcome bad = compare(broken.toString(), next.toString());
        assertThat(bad.code()).isEqualTo(2);
        int column = first.indexOf("\"pass\"") + 1;
        assertThat(bad.err()).contains(broken.resolve("results.jsonl") + ":2:" + column + ": \"pass\" must be true or false");

        Outcome otherTarget = compare(base.toString(), both.toString());
        assertThat(otherTarget.code()).isEqualTo(2);
        assertThat(otherTarget.err()).contains("no target id is in both runs");
        assertThat(compare(base.toString(), next.toString(), "--target", "nope").err()).contains("target 'nope' has no calls here");

        Path renamed = Files.createDirectories(dir.resolve("renamed"));
        Files.writeString(renamed.resolve("results.jsonl"), Files.readString(base.resolve("results.jsonl")).replace("\"case_id\":\"c", "\"case_id\":\"x"));
        Outcome noCase = compare(renamed.toString(), next.toString());
        assertThat(noCase.code()).isEqualTo(2);
        assertThat(noCase.err()).contains("no call of target 'm' shares its case, repeat and variant with " + renamed);
    }

    @Test
    void aTornLastLineIsSkippedLikeTheRunDid() throws Exception {
        Path torn = Files.createDirectories(dir.resolve("torn"));
        Files.writeString(torn.resolve("results.jsonl"), Files.readString(base.resolve("results.jsonl")) + "{\"run_id\": \"x\", \"tar");
        Outcome o = compare(torn.toString(), next.toString());
        assertThat(o.code()).isZero();
        assertThat(o.err()).contains("unfinished last line");
        assertThat(o.out()).contains(VERDICT);
    }
}
