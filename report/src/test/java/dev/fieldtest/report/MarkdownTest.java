package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void markupInModelOutputStaysInert() {
        assertThat(Markdown.inline("<script>alert(1)</script> | *x* [link](http://e)", 200))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\* \\[link\\](http://e)");
        assertThat(Markdown.inline("<img src=x onerror=\"alert(1)\">", 200)).isEqualTo("&lt;img src=x onerror=\"alert(1)\"&gt;");
    }

    @Test
    void foldsLinesAndCutsLongTextByCodePoints() {
        assertThat(Markdown.inline("a\n\n b\tc", 50)).isEqualTo("a b c");
        assertThat(Markdown.inline("héllo wörld 😀😀", 13)).isEqualTo("héllo wörld 😀…");
        assertThat(Markdown.inline(null, 5)).isEmpty();
    }
}
