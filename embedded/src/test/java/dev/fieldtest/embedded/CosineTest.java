package dev.fieldtest.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** {@link EmbeddingModels#cosine} against values worked out by hand. */
class CosineTest {

    @Test
    void matchesTheHandComputedValue() {
        // (1,2,3)·(4,5,6) = 32; |(1,2,3)| = √14, |(4,5,6)| = √77; 32 / √1078 = 0.9746318461970762
        assertThat(EmbeddingModels.cosine(new float[] {1, 2, 3}, new float[] {4, 5, 6})).isCloseTo(0.9746318461970762, within(1e-12));
        // (3,4)·(4,3) = 24; both have length 5; 24 / 25
        assertThat(EmbeddingModels.cosine(new float[] {3, 4}, new float[] {4, 3})).isCloseTo(0.96, within(1e-12));
    }

    @Test
    void orthogonalOppositeAndScaledVectors() {
        assertThat(EmbeddingModels.cosine(new float[] {1, 0}, new float[] {0, 2})).isZero();
        assertThat(EmbeddingModels.cosine(new float[] {1, -2}, new float[] {-1, 2})).isCloseTo(-1, within(1e-12));
        assertThat(EmbeddingModels.cosine(new float[] {1, 2}, new float[] {10, 20})).isCloseTo(1, within(1e-12));
    }

    @Test
    void aZeroVectorHasNoDirectionAndGivesZero() {
        assertThat(EmbeddingModels.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
    }

    @Test
    void vectorsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> EmbeddingModels.cosine(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vectors must have the same length, but had 2 and 3");
    }
}
