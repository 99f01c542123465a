package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void countsWhitespaceSeparatedWords() {
        assertThat(Tokens.words("  one two\tthree\n")).isEqualTo(3);
        assertThat(Tokens.words("")).isZero();
    }

    @Test
    void piecesConcatenateToTheText() {
        assertThat(Tokens.split(" a  bc d ", 0)).containsExactly(" a  ", "bc ", "d ");
        assertThat(Tokens.split("héllo wörld", 4)).hasSize(4).satisfies(p -> assertThat(String.join("", p)).isEqualTo("héllo wörld"));
        assertThat(Tokens.split("ab", 5)).containsExactly("a", "b");
        assertThat(Tokens.split("", 0)).isEmpty();
    }
}
