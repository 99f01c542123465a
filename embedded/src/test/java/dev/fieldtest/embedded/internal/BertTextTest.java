package dev.fieldtest.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The uncased BERT pipeline on cases whose answer follows from its definition; ids are those of the
 * published bert-base-uncased vocabulary both models share (hello = 7592, "," = 1010, ...).
 */
class BertTextTest {
    static WordPiece vocab;

    @BeforeAll
    static void readVocabulary() throws Exception {
        try (InputStream in = BertTextTest.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            vocab = WordPiece.read(in);
        }
    }

    @Test
    void splitsOnWhitespaceAndPunctuationAndLowersCase() {
        assertThat(BertText.words("Hello, World!")).containsExactly("hello", ",", "world", "!");
        assertThat(BertText.words("$5+3=8 <ok>")).containsExactly("$", "5", "+", "3", "=", "8", "<", "ok", ">");
        assertThat(BertText.words("  a\u00A0b\tc\u3000d\n")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void stripsAccentsAndDropsInvisibleCharacters() {
        assertThat(BertText.words("Café Déjà-vu")).containsExactly("cafe", "deja", "-", "vu");
        assertThat(BertText.words("a\u200Bb\u0000c")).containsExactly("abc"); // zero-width space is a format character
    }

    @Test
    void isolatesCjkIdeographsButNotOtherScripts() {
        assertThat(BertText.words("日本語text")).containsExactly("日", "本", "語", "text");
        assertThat(BertText.words("ひらかな")).containsExactly("ひらかな");
        // the voicing mark of が decomposes to a combining mark, which uncased BERT strips like an accent
        assertThat(BertText.words("ひらがな")).containsExactly("ひらかな");
    }

    @Test
    void mapsWordsToVocabularyIds() {
        assertThat(vocab.tokenize("Hello, World!").ids()).containsExactly(7592, 1010, 2088, 999);
        assertThat(vocab.tokenize("日本語").ids()).containsExactly(1864, 1876, 1950);
        assertThat(vocab.cls).isEqualTo(101);
        assertThat(vocab.sep).isEqualTo(102);
    }

    @Test
    void splitsUnknownWordsIntoTheLongestPiecesFromTheStart() {
        // "jumpeding" is no word, but "jumped" (5598) and "##ing" (2075) are in the vocabulary
        Tokens t = vocab.tokenize("jumpeding");
        assertThat(t.ids()).containsExactly(5598, 2075);
        assertThat(t.continues()).containsExactly(false, true);
    }

    @Test
    void overlongWordsBecomeUnknown() {
        assertThat(vocab.tokenize("a".repeat(101)).ids()).containsExactly(100);
        assertThat(vocab.tokenize("a".repeat(100)).ids()).doesNotContain(100);
    }

    @Test
    void emptyTextHasNoTokens() {
        assertThat(vocab.tokenize("").ids()).isEmpty();
        assertThat(vocab.tokenize(" \n\t").ids()).isEmpty();
    }
}
