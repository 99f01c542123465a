package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.history.RunHistory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fieldtest drift end to end: a suite of ten short support questions against ten long gardening texts inserted into a
 * temporary history's production_spans, with numbers worked out by hand.
 */
class DriftCommandTest {
    private static final String SECRET = "sk-drift-test-0123456789";
    /** Golden lengths in characters: 27 34 35 36 37 39 42 43 45 49 (ten distinct values, mean 38.7). */
    private static final List<String> QUESTIONS = List.of("How do I reset my password?", "Where is my order and when will it arrive?",
            "Can I change the email on my account?", "How do I cancel my subscription and get a refund?", "What is the fee to ship to Canada?",
            "Do you ship to an address in the UK?", "How can I pay with a card that is not my own?", "Why is the app not loading on my phone?",
            "Is it possible to talk to a person?", "What are your opening hours on the weekend?");

    @TempDir Path dir;
    private Path suite;
    private Path db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < QUESTIONS.size(); i++) cases.append("  - {id: q").append(i).append(", vars: {q: \"").append(QUESTIONS.get(i)).append("\"}}\n");
        suite = Files.writeString(dir.resolve("suite.yaml"), """
                name: support
                messages:
                  - {role: system, content: "You are the support desk."}
                  - {role: user, content: "{{q}}"}
                cases:
                %s
                targets:
                  - {id: m, type: openai, base_url: "http://127.0.0.1:9", model: m-1}
                checks: [{type: contains, value: x}]
                """.formatted(cases.toString().stripTrailing()));
        Files.setLastModifiedTime(suite, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        db = dir.resolve("history.duckdb");
        try (RunHistory h = RunHistory.open(db)) {
            // opening creates and migrates the schema; rows go in by plain SQL below, as ingestion would write them
        }
        Secrets.register(SECRET);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            for (int i = 0; i < 10; i++) insert(c, "t" + i, "support", "2026-03-" + String.format("%02d", i + 1) + " 00:00:00", production(i));
            insert(c, "b0", "billing", "2026-03-05 00:00:00", "Where is my invoice?");
        }
    }

    /**
     * Lengths 334 452 458 576 582 700 706 824 830 948 (mean 641.0), all above every golden length. Even i: plain prose,
     * odd i: a list. Text 0 carries a registered secret near its start (same length).
     */
    private static String production(int i) {
        String body = "The tomatoes in the garden need water and the roses need sun. ".repeat(5 + i).strip();
        if (i == 0) body = SECRET + " " + body.substring(0, body.length() - SECRET.length() - 1);
        return i % 2 == 0 ? "Tell me about my garden. " + body : "Plants to buy for the garden:\n- tomatoes and the basil\n- roses for the sunny bed\n" + body;
    }

    private static void insert(Connection c, String trace, String feature, String startedAt, String userText) throws Exception {
        var messages = JsonNodeFactory.instance.arrayNode();
        messages.addObject().put("role", "system").putArray("parts").addObject().put("type", "text").put("content", "You are the support desk.");
        messages.addObject().put("role", "user").putArray("parts").addObject().put("type", "text").put("content", userText);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO production_spans (trace_id, span_id, feature, started_at, input_messages,"
                + " attributes, ingested_at) VALUES (?, 's1', ?, CAST(? AS TIMESTAMP), ?, '{}', CAST(? AS TIMESTAMP))")) {
            p.setString(1, trace);
            p.setString(2, feature);
            p.setString(3, startedAt);
            p.setString(4, messages.toString());
            p.setString(5, "2026-03-20 00:00:00");
            p.executeUpdate();
        }
    }

    private int fieldtest(String... args) {
        return CapturedMain.execute(out, err, args);
    }

    private static JsonNode descriptor(JsonNode doc, String name) {
        for (JsonNode d : doc.get("descriptors")) if (d.get("name").asText().equals(name)) return d;
        throw new AssertionError("no descriptor " + name);
    }

    @Test
    void longerProductionInputsShiftLengthAndStructureWithHandComputedValues() throws Exception {
        Path outDir = dir.resolve("drift-out");
        assertThat(fieldtest("drift", suite.toString(), "--history", db.toString(), "--feature", "support", "--json", "--out", outDir.toString()))
                .as(err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(doc.get("golden").get("n").asInt()).isEqualTo(10);
        assertThat(doc.get("production").get("n").asInt()).isEqualTo(10);
        JsonNode chars = descriptor(doc, "length_chars");
        // Ten distinct golden lengths: ten bins of 10 %. Every production length is above the ninth edge (45), so
        // production is 100 % in the top bin: PSI = (1−0.1)·ln(1/0.1) + 9·(0.0001−0.1)·ln(0.0001/0.1)
        //   = 0.9·2.3025851 + 9·0.0999·6.9077553 = 2.0723266 + 6.2107628 = 8.2830894
        assertThat(chars.get("psi").asDouble()).isCloseTo(8.2830894, within(1e-6));
        assertThat(chars.get("verdict").asText()).isEqualTo("shift");
        // What sampling alone would give on average: (10 bins − 1)·(1/10 + 1/10) = 1.8, far below 8.28
        assertThat(chars.get("psi_noise").asDouble()).isCloseTo(1.8, within(1e-12));
        // The CDFs never cross (every production value exceeds every golden one), so W1 = 641.0 − 38.7 = 602.3.
        assertThat(chars.get("wasserstein1").asDouble()).isCloseTo(602.3, within(1e-9));
        // JS of [0.1 × 10] against [0 × 9, 1]: M = [0.05 × 9, 0.55]; ½·(9·0.1·log2(2) + 0.1·log2(0.1/0.55) + log2(1/0.55))
        //   = ½·(0.9 − 0.2459432 + 0.8624965) = 0.7582767
        assertThat(chars.get("js").asDouble()).isCloseTo(0.7582767, within(1e-6));
        assertThat(descriptor(doc, "length_tokens").get("psi").asDouble()).isGreaterThan(0.25);
        JsonNode language = descriptor(doc, "language");
        assertThat(language.get("psi").asDouble()).isZero();
        assertThat(language.get("verdict").asText()).isEqualTo("stable");
        // Golden 100 % plain; production 50 % list, 50 % plain:
        // PSI = (0.5−0.0001)·ln(0.5/0.0001) + (0.5−1)·ln(0.5/1) = 0.4999·8.5171932 + 0.3465736 = 4.6043185; JS = 0.3112781
        JsonNode structure = descriptor(doc, "structure");
        assertThat(structure.get("psi").asDouble()).isCloseTo(4.6043185, within(1e-6));
        assertThat(structure.get("js").asDouble()).isCloseTo(0.3112781, within(1e-6));
        // Support questions against gardening prose: separated, so no permutation reaches the observed MMD² (p = 1/201).
        assertThat(doc.get("embedding").get("p_value").asDouble()).isCloseTo(1.0 / 201, within(1e-12));
        assertThat(doc.get("embedding").get("mmd2").asDouble()).isPositive();
        // A classifier separates them too (out-of-fold scores of five folds pooled, so not necessarily exactly 1).
        assertThat(doc.get("embedding").get("domain_auc").asDouble()).isGreaterThan(0.9);
        assertThat(doc.get("embedding").get("domain_folds").asInt()).isEqualTo(5);
        assertThat(doc.get("coverage").get("uncovered_share").asDouble()).isEqualTo(1.0);
        assertThat(doc.get("coverage").get("farthest")).hasSize(10);
        for (JsonNode x : doc.get("coverage").get("farthest")) assertThat(x.get("text").asText().codePointCount(0, x.get("text").asText().length())).isLessThanOrEqualTo(201);
        // Staleness: the suite's mtime (not in git) 2026-01-01 to the newest span 2026-03-10: 31 + 28 + 9 = 68 days.
        assertThat(doc.get("staleness").get("golden_at_source").asText()).isEqualTo("file-mtime");
        assertThat(doc.get("staleness").get("days_behind").asDouble()).isCloseTo(68.0, within(1e-9));
        assertThat(doc.get("staleness").get("newer_share").asDouble()).isEqualTo(1.0);
        String json = Files.readString(outDir.resolve("drift.json"));
        String md = Files.readString(outDir.resolve("drift.md"));
        assertThat(json).isEqualTo(out.toString(StandardCharsets.UTF_8));
        assertThat(json + md).doesNotContain(SECRET).contains("Tell me about my garden. [REDACTED] The tomatoes");
        assertThat(md).contains("| length_chars | 8.2831 | shift |");
    }

    @Test
    void theTextReportNamesEveryDescriptorAndRedactsSecrets() {
        assertThat(fieldtest("drift", suite.toString(), "--history", db.toString(), "--feature", "support", "--no-embeddings")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("length_chars", "length_tokens", "language", "structure", "shift", "Staleness").doesNotContain("MMD²");
        assertThat(text).doesNotContain(SECRET);
    }

    @Test
    void noProductionInputsInTheWindowIsBadInputSayingHowToIngest() {
        assertThat(fieldtest("drift", suite.toString(), "--history", db.toString(), "--since", "2026-04-01")).isEqualTo(2);
        assertThat(err.toString()).contains("no production span", "2026-04-01T00:00:00Z", "billing", "support", "docs/production.md");
    }

    @Test
    void aMissingHistoryABadDateAndAnUnknownModelAreBadInput() {
        assertThat(fieldtest("drift", suite.toString(), "--history", dir.resolve("none.duckdb").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no run history", "ingest");
        assertThat(fieldtest("drift", suite.toString(), "--history", db.toString(), "--until", "March")).isEqualTo(2);
        assertThat(err.toString()).contains("--until 'March'", "2026-11-28");
        assertThat(fieldtest("drift", suite.toString(), "--history", db.toString(), "--model", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown embedding model 'nope'");
    }

    @Test
    void theUntilDayIsIncludedAndAFeatureFilters() throws Exception {
        assertThat(fieldtest("drift", suite.toString(), "--history", db.toString(), "--until", "2026-03-05", "--json", "--no-embeddings")).isZero();
        // support 03-01..03-05 (5) and billing 03-05 (1)
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("production").get("n").asInt()).isEqualTo(6);
    }
}
