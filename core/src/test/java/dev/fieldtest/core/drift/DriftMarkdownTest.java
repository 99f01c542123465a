package dev.fieldtest.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Production text in drift.md is inert; example texts are cut at 200 code points; the production sample is seeded. */
class DriftMarkdownTest {
    @Test
    void untrustedTextCannotInjectMarkupOrBreakTheTable() {
        assertThat(DriftMarkdown.cell("<script>alert(1)</script> | `x`\nnext"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\| &#96;x&#96; next");
    }

    @Test
    void examplesAreCutAt200CodePointsWithoutSplittingAPair() {
        String emoji = "😀".repeat(250);
        String cut = DriftAnalysis.cut(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(201);
        assertThat(cut).endsWith("😀…");
        assertThat(DriftAnalysis.cut("short")).isEqualTo("short");
    }

    @Test
    void theProductionSampleKeepsOrderAndIsTheSameForTheSameSeed() {
        List<ProductionText> all = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> new ProductionText("t" + i, "s", java.time.Instant.EPOCH.plusSeconds(i), "x" + i)).toList();
        List<ProductionText> a = DriftAnalysis.sample(all, 10, 1), b = DriftAnalysis.sample(all, 10, 1);
        assertThat(a).hasSize(10).isEqualTo(b).isSortedAccordingTo(java.util.Comparator.comparing(ProductionText::startedAt));
        assertThat(a).doesNotHaveDuplicates();
        assertThat(DriftAnalysis.sample(all, 100, 1)).isSameAs(all);
    }
}
