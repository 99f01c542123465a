package dev.fieldtest.scorers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void shortTextIsQuotedWhole() {
        assertThat(Quote.of("Lyon")).isEqualTo("\"Lyon\"");
        assertThat(Quote.of("")).isEqualTo("\"\"");
    }

    @Test
    void longTextIsCutAtEightyCodePointsWithoutSplittingAnEmoji() {
        String quoted = Quote.of("👍".repeat(100));
        assertThat(quoted).isEqualTo("\"" + "👍".repeat(80) + "…\"");
    }

    @Test
    void aWindowShowsSomeContextBeforeThePointOfInterest() {
        String text = "a".repeat(100) + "X" + "b".repeat(100);
        assertThat(Quote.around(text, 100)).isEqualTo("\"…" + "a".repeat(20) + "X" + "b".repeat(59) + "…\"");
        assertThat(Quote.around(text, 199)).isEqualTo("\"…" + "b".repeat(80) + "\"");
    }

    @Test
    void controlAndDirectionCharactersAreEscaped() {
        assertThat(Quote.of("a\"b\nc\u0000d\u202Ee")).isEqualTo("\"a\\\"b\\nc\\u0000d\\u202Ee\"");
    }
}
