package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.spi.Check;
import org.junit.jupiter.api.Test;

class MaxLengthCheckTest {

    @Test
    void countsCharactersUpToAndIncludingTheLimit() {
        Check check = check("type: max-length\nvalue: 5\n");
        assertThat(run(check, "Paris").pass()).isTrue();
        assertThat(run(check, "").pass()).isTrue();
        assertThat(run(check, "Paris!").detail()).isEqualTo("6 characters, 1 over the limit of 5: \"Paris!\"");
    }

    @Test
    void anEmojiOrCjkCharacterCountsOnce() {
        Check check = check("type: max-length\nvalue: 3\n");
        assertThat(run(check, "👍👍👍").pass()).isTrue();  // six UTF-16 chars, three code points
        assertThat(run(check, "東京都").pass()).isTrue();
    }

    @Test
    void zeroAllowsOnlyTheEmptyOutput() {
        Check check = check("type: max-length\nvalue: 0\n");
        assertThat(run(check, "").pass()).isTrue();
        assertThat(run(check, " ").pass()).isFalse();
    }

    @Test
    void wordsAreRunsOfNonWhitespace() {
        Check check = check("type: max-length\nvalue: 3\nunit: words\n");
        assertThat(run(check, "  one\ttwo\n\nthree  ").pass()).isTrue();
        assertThat(run(check, "one two\u00A0three four").detail())
                .isEqualTo("4 words, 1 over the limit of 3: \"one two\u00A0three four\"");
    }

    @Test
    void aLongOutputIsQuotedFromItsStart() {
        Check check = check("type: max-length\nvalue: 10\n");
        assertThat(run(check, "x".repeat(500)).detail())
                .isEqualTo("500 characters, 490 over the limit of 10: \"" + "x".repeat(80) + "…\"");
    }
}
