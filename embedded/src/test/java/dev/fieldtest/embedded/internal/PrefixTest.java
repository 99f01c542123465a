package dev.fieldtest.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.embedded.EmbeddingModel;
import dev.fieldtest.embedded.EmbeddingModels;
import org.junit.jupiter.api.Test;

/** e5-small-v2 puts "query: " before every text itself, so callers pass the text alone. */
class PrefixTest {

    @Test
    void e5EmbedsEveryTextAsAQuery() {
        EmbeddingModel e5 = EmbeddingModels.load("e5-small-v2");
        ModelSpec shipped = ModelSpec.byName("e5-small-v2");
        EmbeddingModel bare = OnnxEmbedder.load(new ModelSpec("e5-bare", shipped.onnxResource(), shipped.tokenizerResource(), "", 384, 512));
        String text = "How do I reset my password?";
        // two onnxruntime sessions may differ in the last bit, so compare by cosine
        assertThat(EmbeddingModels.cosine(e5.embed(text), bare.embed("query: " + text))).isCloseTo(1, within(1e-6));
        assertThat(EmbeddingModels.cosine(e5.embed(text), bare.embed(text))).isLessThan(0.99);
    }
}
