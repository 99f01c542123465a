package dev.fieldtest.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped models really load from the class path and embed; expectations are about meaning, not stored vectors. */
class EmbeddingModelsTest {
    static EmbeddingModel minilm;
    static EmbeddingModel e5;

    @BeforeAll
    static void load() {
        minilm = EmbeddingModels.load("all-minilm-l6-v2");
        e5 = EmbeddingModels.load("e5-small-v2");
    }

    static EmbeddingModel model(String name) {
        return name.equals("e5-small-v2") ? e5 : minilm;
    }

    @Test
    void knowsItsModels() {
        assertThat(EmbeddingModels.names()).containsExactly("all-minilm-l6-v2", "e5-small-v2");
        assertThat(minilm.name()).isEqualTo("all-minilm-l6-v2");
        assertThat(e5.name()).isEqualTo("e5-small-v2");
        assertThatThrownBy(() -> EmbeddingModels.load("minilm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("embedding model must be one of all-minilm-l6-v2, e5-small-v2, but was \"minilm\"");
    }

    @Test
    void eachModelIsLoadedOncePerProcessEvenWhenAskedConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EmbeddingModel>> got = pool.invokeAll(IntStream.range(0, 8)
                    .mapToObj(i -> (Callable<EmbeddingModel>) () -> EmbeddingModels.load("all-minilm-l6-v2")).toList());
            for (Future<EmbeddingModel> f : got) assertThat(f.get()).isSameAs(minilm);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-minilm-l6-v2", "e5-small-v2"})
    void vectorsHave384DimensionsAndUnitLength(String name) {
        EmbeddingModel m = model(name);
        assertThat(m.dimensions()).isEqualTo(384);
        for (String text : List.of("How do I reset my password?", "", "   ", "Café ☕ 日本語 🙂", "refund ".repeat(700))) {
            float[] v = m.embed(text);
            assertThat(v).hasSize(384);
            double norm = 0;
            for (float x : v) norm += x * x;
            assertThat(Math.sqrt(norm)).as("norm of %s", text.length() > 30 ? text.substring(0, 30) : text).isCloseTo(1, within(1e-5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-minilm-l6-v2", "e5-small-v2"})
    void theSameTextAlwaysGivesTheSameVector(String name) {
        EmbeddingModel m = model(name);
        assertThat(m.embed("Where is my parcel?")).containsExactly(m.embed("Where is my parcel?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-minilm-l6-v2", "e5-small-v2"})
    void findsTheNearestNeighbourByMeaning(String name) {
        EmbeddingModel m = model(name);
        List<String> candidates = List.of("The weather is lovely today.", "I forgot my password",
                "Our office is closed on public holidays.", "Quarterly revenue grew by eight percent.", "Bananas are rich in potassium.");
        float[] query = m.embed("How do I reset my password?");
        String nearest = candidates.stream()
                .max((a, b) -> Double.compare(EmbeddingModels.cosine(query, m.embed(a)), EmbeddingModels.cosine(query, m.embed(b))))
                .orElseThrow();
        assertThat(nearest).isEqualTo("I forgot my password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all-minilm-l6-v2", "e5-small-v2"})
    void everyParaphrasePairIsCloserThanEveryUnrelatedPair(String name) {
        EmbeddingModel m = model(name);
        List<Double> paraphrases = List.of(
                pair(m, "The cat sits on the mat.", "A cat is sitting on a mat."),
                pair(m, "Paris is the capital of France.", "The capital of France is Paris."),
                pair(m, "You can return any item within 30 days for a full refund.",
                        "Items may be sent back within thirty days and your money is refunded."),
                pair(m, "How do I cancel my subscription?", "How can I stop my membership?"));
        List<Double> unrelated = List.of(
                pair(m, "The cat sits on the mat.", "Quarterly revenue grew by eight percent."),
                pair(m, "Paris is the capital of France.", "Bananas are rich in potassium."),
                pair(m, "You can return any item within 30 days for a full refund.", "The train to Berlin leaves at nine in the morning."),
                pair(m, "How do I cancel my subscription?", "A man is playing a guitar."));
        double worstParaphrase = paraphrases.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double bestUnrelated = unrelated.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(worstParaphrase).isGreaterThan(bestUnrelated);
    }

    @Test
    void miniLmLeavesUnrelatedTextNearZeroAndE5SitsHigher() {
        // Documented in docs/embedded.md: thresholds mean different things for the two models.
        double miniLm = pair(minilm, "The cat sits on the mat.", "Quarterly revenue grew by eight percent.");
        double e5Score = pair(e5, "The cat sits on the mat.", "Quarterly revenue grew by eight percent.");
        assertThat(miniLm).isBetween(-0.2, 0.2);
        assertThat(e5Score).isBetween(0.5, 0.8);
    }

    @Test
    void aLongTextKeepsItsMeaningAcrossWindows() {
        // 16 × 19 words: more than one 256-token window of MiniLM; every window is about refunds.
        String sentence = "You can return any item within thirty days of delivery and we refund the full price to your card. ";
        String longText = sentence.repeat(16);
        for (EmbeddingModel m : List.of(minilm, e5)) {
            double same = EmbeddingModels.cosine(m.embed(longText), m.embed(sentence));
            double other = EmbeddingModels.cosine(m.embed(longText), m.embed("The train to Berlin leaves at nine in the morning."));
            assertThat(same).as(m.name()).isGreaterThan(0.8).isGreaterThan(other + 0.1);
        }
    }

    @Test
    void concurrentEmbeddingGivesTheSameVectorsAsSequential() throws Exception {
        List<String> texts = IntStream.range(0, 24).mapToObj(i -> "Question number " + i + ": where is order " + (i * 7) + "?").toList();
        List<float[]> sequential = texts.stream().map(minilm::embed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> parallel = pool.invokeAll(texts.stream().map(t -> (Callable<float[]>) () -> minilm.embed(t)).toList());
            for (int i = 0; i < texts.size(); i++) assertThat(parallel.get(i).get()).containsExactly(sequential.get(i));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double pair(EmbeddingModel m, String a, String b) {
        return EmbeddingModels.cosine(m.embed(a), m.embed(b));
    }
}
