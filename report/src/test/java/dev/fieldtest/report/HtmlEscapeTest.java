package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HtmlEscapeTest {
    @Test
    void textEscapesMarkupQuotesAndAmpersandsAndDropsForbiddenCharacters() {
        assertThat(HtmlEscape.text("<img src=x onerror=\"a()\"> & 'q'")).isEqualTo("&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;q&#39;");
        assertThat(HtmlEscape.text("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
        assertThat(HtmlEscape.text("héllo 👋")).isEqualTo("héllo 👋");
        assertThat(HtmlEscape.text(null)).isEmpty();
    }

    @Test
    void explorerCutsVeryLongTextAtACodePointAndSaysHowMuchIsLeft() {
        String longText = "a".repeat(HtmlExplorer.MAX_TEXT - 1) + "😀" + "b".repeat(10); // the emoji straddles the cut
        assertThat(HtmlExplorer.clip(longText)).isEqualTo("a".repeat(HtmlExplorer.MAX_TEXT - 1)
                + "\n… [12 more characters; the whole text is in results.jsonl]");
        assertThat(HtmlExplorer.clip("short")).isEqualTo("short");
        assertThat(HtmlExplorer.clip(null)).isNull();
    }

    @Test
    void scriptJsonCannotCloseTheScriptOrOpenACommentAndParsesToTheSameValue() throws Exception {
        String json = new ObjectMapper().writeValueAsString(java.util.Map.of("o", "</script><script>x()</script> <!-- & \u2028"));
        String safe = HtmlEscape.scriptJson(json);
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ex()\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028");
        assertThat(new ObjectMapper().readTree(safe)).isEqualTo(new ObjectMapper().readTree(json));
    }
}
