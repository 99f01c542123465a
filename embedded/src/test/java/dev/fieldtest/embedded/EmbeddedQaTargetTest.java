package dev.fieldtest.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** embedded-qa end to end with the real MiniLM model; expected confidences are cosines this test computes itself. */
class EmbeddedQaTargetTest {
    static final String RESET_ANSWER = "Click \"Forgot password\" on the sign-in page and follow the link we email you.";
    static final List<String> QUESTIONS = List.of("How do I reset my password?", "Can I get a refund?",
            "Where can I download my invoice?", "How long does shipping take?");
    static final String KB = """
            {"id": "reset-password", "question": "How do I reset my password?", "answer": "%s", "topic": "account"}
            {"id": "refund", "question": "Can I get a refund?", "answer": "Yes, within 30 days of delivery.", "topic": "billing"}
            {"id": "invoice", "question": "Where can I download my invoice?", "answer": "Invoices are under Billing, Documents."}
            {"id": "shipping", "question": "How long does shipping take?", "answer": "Three to five working days.", "topic": "orders"}
            """.formatted(RESET_ANSWER.replace("\"", "\\\""));

    @TempDir
    static Path dir;
    static EmbeddingModel minilm;

    @BeforeAll
    static void setUp() throws Exception {
        Files.writeString(dir.resolve("kb.jsonl"), KB);
        Files.writeString(dir.resolve("passwords.jsonl"), """
                {"id": "pw-1", "question": "How do I reset my password?", "answer": "One."}
                {"id": "pw-2", "question": "How can I reset my password?", "answer": "Two."}
                {"id": "pw-3", "question": "How do I reset my password, please?", "answer": "Three."}
                {"id": "weather", "question": "Will it rain tomorrow?", "answer": "Ask the sky."}
                """);
        minilm = EmbeddingModels.load("all-minilm-l6-v2");
    }

    static Observation ask(Target t, String question) {
        return ask(t, "case-1", 0, question);
    }

    static Observation ask(Target t, String caseId, int repeat, String question) {
        try {
            return t.call(new CallRequest(caseId, repeat, List.of(new Message("system", "Be brief."), Message.user(question))));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static double cosine(String a, String b) {
        return EmbeddingModels.cosine(minilm.embed(a), minilm.embed(b));
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(TargetFactory.class).stream().map(ServiceLoader.Provider::type)).contains(EmbeddedQaTargetFactory.class);
        assertThat(new EmbeddedQaTargetFactory().types()).containsExactly("embedded-qa");
    }

    @Test
    void answersWithTheBestMatchAndItsSimilarityAsConfidence() {
        Target t = Specs.target("knowledge_base: kb.jsonl\n", dir);
        Observation o = ask(t, "I forgot my password");
        double similarity = cosine("I forgot my password", "How do I reset my password?");
        assertThat(similarity).isGreaterThan(0.5); // the premise: above the default threshold
        assertThat(o.output()).isEqualTo(RESET_ANSWER + "\n(source: reset-password, confidence: "
                + String.format(Locale.ROOT, "%.2f", similarity) + ")");
        assertThat(o.succeeded()).isTrue();
        assertThat(o.ttftMs()).isNull();
        assertThat(o.attempts()).isEqualTo(1);
        assertThat(o.finishReason()).isEqualTo("stop");
        assertThat(o.responseModel()).isEqualTo("all-minilm-l6-v2");
        assertThat(o.latencyMs()).isPositive();
        // 4 words in; the answer's 14 words and "(source: reset-password, confidence: 0.xx)" out
        assertThat(o.usage()).isEqualTo(new Usage(4, 18));
    }

    @Test
    void abstainsBelowTheThresholdStatingOneMinusTheBestSimilarity() {
        Target t = Specs.target("knowledge_base: kb.jsonl\nthreshold: 0.5\n", dir);
        String question = "What is the capital of France?";
        double best = QUESTIONS.stream().mapToDouble(q -> cosine(question, q)).max().orElseThrow();
        assertThat(best).isLessThan(0.5);
        Observation o = ask(t, question);
        assertThat(o.output()).isEqualTo("I don't know — I could not find this in the help centre.\n(source: none, confidence: "
                + String.format(Locale.ROOT, "%.2f", 1 - Math.max(0, best)) + ")");
    }

    @Test
    void theThresholdDecidesBetweenAnsweringAndAbstaining() {
        double similarity = cosine("I forgot my password", "How do I reset my password?");
        String above = String.format(Locale.ROOT, "%.4f", similarity - 0.01);
        String below = String.format(Locale.ROOT, "%.4f", similarity + 0.01);
        assertThat(ask(Specs.target("knowledge_base: kb.jsonl\nthreshold: " + above + "\n", dir), "I forgot my password").output())
                .contains("(source: reset-password,");
        assertThat(ask(Specs.target("knowledge_base: kb.jsonl\nthreshold: " + below + "\n", dir), "I forgot my password").output())
                .endsWith("(source: none, confidence: " + String.format(Locale.ROOT, "%.2f", 1 - similarity) + ")");
    }

    @Test
    void samplingIsReproducibleForACallButRepeatsDiffer() {
        String yaml = "knowledge_base: passwords.jsonl\ntop_k: 3\ntemperature: 1\nseed: 42\n";
        Target first = Specs.target(yaml, dir);
        Target second = Specs.target(yaml, dir);
        List<String> sources = new java.util.ArrayList<>();
        for (int repeat = 0; repeat < 20; repeat++) {
            Observation a = ask(first, "reset-1", repeat, "How do I reset my password?");
            assertThat(ask(first, "reset-1", repeat, "How do I reset my password?").output()).isEqualTo(a.output());
            assertThat(ask(second, "reset-1", repeat, "How do I reset my password?").output()).isEqualTo(a.output());
            sources.add(a.output().replaceAll("(?s).*\\(source: ([^,]+),.*", "$1"));
        }
        assertThat(new HashSet<>(sources)).hasSizeGreaterThan(1).isSubsetOf(Set.of("pw-1", "pw-2", "pw-3"));
        Target otherSeed = Specs.target(yaml.replace("seed: 42", "seed: 43"), dir);
        List<String> otherSources = new java.util.ArrayList<>();
        for (int repeat = 0; repeat < 20; repeat++) {
            otherSources.add(ask(otherSeed, "reset-1", repeat, "How do I reset my password?").output().replaceAll("(?s).*\\(source: ([^,]+),.*", "$1"));
        }
        assertThat(otherSources).isNotEqualTo(sources);
    }

    @Test
    void temperatureZeroAnswersTheSameOnEveryRepeat() {
        Target t = Specs.target("knowledge_base: passwords.jsonl\ntop_k: 3\n", dir);
        Set<String> outputs = new HashSet<>();
        for (int repeat = 0; repeat < 10; repeat++) outputs.add(ask(t, "reset-1", repeat, "How can I reset my password?").output());
        assertThat(outputs).singleElement().asString().contains("(source: pw-2,");
    }

    @Test
    void costAddsPerCallPerSecondAndWordPrices() {
        Target t = Specs.target("""
                knowledge_base: kb.jsonl
                pricing: {per_call: 0.001, per_second: 2, input_per_mtok: 1000, output_per_mtok: 3000}
                """, dir);
        Observation o = ask(t, "I forgot my password");
        // 0.001 per call + 2 USD/s × the call's seconds + 4 words × 1000/1e6 + 18 words × 3000/1e6
        double expected = 0.001 + 2 * o.latencyMs() / 1000 + 4 * 0.001 + 18 * 0.003;
        assertThat(o.costUsd()).isCloseTo(expected, within(1e-12));
        assertThat(ask(Specs.target("knowledge_base: kb.jsonl\n", dir), "I forgot my password").costUsd()).isZero();
    }

    @Test
    void describeNamesTheModelAndTheKnowledgeBaseExactly() throws Exception {
        Target t = Specs.target("id: help-centre\nknowledge_base: kb.jsonl\nthreshold: 0.6\ntop_k: 2\ntemperature: 0.5\n", dir);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("kb.jsonl"))));
        assertThat(t.id()).isEqualTo("help-centre");
        assertThat(t.describe()).containsEntry("type", "embedded-qa").containsEntry("model", "all-minilm-l6-v2")
                .containsEntry("threshold", 0.6).containsEntry("top_k", 2).containsEntry("temperature", 0.5)
                .containsEntry("knowledge_base", "kb.jsonl").containsEntry("knowledge_base_sha256", sha).containsEntry("kb_entries", 4)
                .containsEntry("seed", 0L);
    }

    @Test
    void aRequestWithoutAUserMessageFailsAsAClientError() throws Exception {
        Target t = Specs.target("knowledge_base: kb.jsonl\n", dir);
        Observation o = t.call(new CallRequest("c", 0, List.of(new Message("system", "hello"))));
        assertThat(o.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
        assertThat(o.errorMessage()).isEqualTo("embedded-qa answers the last user message, but the request had none");
    }

    @Test
    void answersTheLastUserMessage() throws Exception {
        Target t = Specs.target("knowledge_base: kb.jsonl\n", dir);
        Observation o = t.call(new CallRequest("c", 0, List.of(Message.user("Can I get a refund?"),
                new Message("assistant", "Maybe."), Message.user("How long does shipping take?"))));
        assertThat(o.output()).startsWith("Three to five working days.\n(source: shipping, confidence: 1.00)");
    }
}
