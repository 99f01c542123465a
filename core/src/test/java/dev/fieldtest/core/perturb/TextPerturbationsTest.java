package dev.fieldtest.core.perturb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Exact outputs on fixed seeds. The seeded ones were checked against the algorithm (how many words,
 * gaps or letters a rate touches, and that each edit is one of the documented kinds); a change to any
 * algorithm or to the seeding breaks them, which is the point: variants must stay byte-identical.
 */
class TextPerturbationsTest {
    static final String PARCEL = "Where is my parcel? I ordered a blue kettle on Monday and it still has not arrived.";

    static Random rnd(String label) {
        return Seeds.random(7, label, "c1", "q");
    }

    @Test
    void seedsAreStableSha256Hashes() {
        assertThat(Seeds.of(7, "typos", "c1", "q")).isEqualTo(8560761282467704446L);
        assertThat(Seeds.of(7, "ab", "c")).isNotEqualTo(Seeds.of(7, "a", "bc"));
    }

    @Test
    void typosEditOneLetterInRateOfTheWords() {
        // 15 words of 2+ letters ("I" and "a" are too short) at 0.2: 3 words, each one edit.
        assertThat(new Typos(0.2).text(PARCEL, rnd("typos")))
                .isEqualTo("Whree is my parcel? I ordered a blue kettle on Monday and it stlil hass not arrived.");
    }

    @Test
    void typosRateHoldsOnLongTexts() {
        List<String> words = IntStream.range(0, 100).mapToObj(i -> "word" + (char) ('a' + i % 26) + "x" + (char) ('a' + i / 26)).toList();
        // Letters only, so every word is one letter run.
        List<String> clean = words.stream().map(w -> w.replaceAll("[^a-z]", "")).toList();
        String[] out = new Typos(0.2).text(String.join(" ", clean), new Random(42)).split(" ");
        long changed = IntStream.range(0, 100).filter(i -> !out[i].equals(clean.get(i))).count();
        assertThat(out).hasSize(100);
        assertThat(changed).isBetween(18L, 22L);
        assertThat(changed).isEqualTo(20);
    }

    @Test
    void caseModes() {
        assertThat(new CaseChange(CaseChange.Mode.LOWER).text("Hello WORLD", null)).isEqualTo("hello world");
        assertThat(new CaseChange(CaseChange.Mode.UPPER).text("Hello world", null)).isEqualTo("HELLO WORLD");
        assertThat(new CaseChange(CaseChange.Mode.TITLE).text("hello big WORLD", null)).isEqualTo("Hello Big World");
        assertThat(new CaseChange(CaseChange.Mode.RANDOM).text("Hello world", rnd("case-random"))).isEqualTo("hello worLD");
    }

    @Test
    void whitespaceAddsToRateOfTheGaps() {
        // 15 gaps at 0.25: 4 grow (by two spaces three times and a newline once, as drawn).
        assertThat(new Whitespace(0.25).text(PARCEL, rnd("whitespace")))
                .isEqualTo("Where is my parcel? I   ordered   a blue   kettle on \nMonday and it still has not arrived.");
    }

    @Test
    void punctuationStripOrNoise() {
        assertThat(new Punctuation(Punctuation.Mode.STRIP, 0).text("Don't stop\u2014now, please!", null)).isEqualTo("Dont stopnow please");
        // 16 tokens at 0.2: 3 stray marks.
        assertThat(new Punctuation(Punctuation.Mode.NOISE, 0.2).text(PARCEL, rnd("punct-noise")))
                .isEqualTo("Where is my parcel? I ordered a blue kettle on Monday: and? it? still has not arrived.");
    }

    @Test
    void homoglyphsLookAlikeButDifferInCodePoints() {
        // 14 letters with look-alikes at 0.3: 4 replaced (Cyrillic Р, ѕ, е, о).
        String out = new Homoglyphs(0.3).text("Please reset my password", rnd("homoglyphs"));
        assertThat(out).isEqualTo("\u0420lea\u0455\u0435 reset my passw\u043Erd");
        assertThat(out).isNotEqualTo("Please reset my password").hasSameSizeAs("Please reset my password");
        StringBuilder back = new StringBuilder();
        for (char c : out.toCharArray()) {
            char original = Homoglyphs.LOOK_ALIKES.entrySet().stream().filter(e -> e.getValue() == c).map(e -> e.getKey()).findFirst().orElse(c);
            back.append(original);
        }
        assertThat(back.toString()).isEqualTo("Please reset my password");
    }

    @Test
    void homoglyphRateHoldsOnLongTexts() {
        String text = "peace ".repeat(100).strip(); // every letter of "peace" has a look-alike: 500 of them
        String out = new Homoglyphs(0.25).text(text, new Random(1));
        long replaced = IntStream.range(0, text.length()).filter(i -> text.charAt(i) != out.charAt(i)).count();
        assertThat(replaced).isEqualTo(125); // 500 eligible letters × 0.25
    }

    @Test
    void fillerBeforeOrAfter() {
        assertThat(new Filler("Noise.", true).text("Q?", null)).isEqualTo("Noise.\n\nQ?");
        assertThat(new Filler("Noise.", false).text("Q?", null)).isEqualTo("Q?\n\nNoise.");
    }

    @Test
    void truncateKeepsAWordBoundary() {
        // 43 characters × 0.5 = 21: "The quick brown fox j" ends mid-word, so back to "fox".
        assertThat(new Truncate(0.5).text("The quick brown fox jumps over the lazy dog", null)).isEqualTo("The quick brown fox");
        // 0.6 × 43 = 25: the cut falls right after "jumps", a boundary already.
        assertThat(new Truncate(0.6).text("The quick brown fox jumps over the lazy dog", null)).isEqualTo("The quick brown fox jumps");
        assertThat(new Truncate(0.5).text("Supercalifragilistic", null)).isEqualTo("Supercalif");
        assertThat(new Truncate(1).text("Keep all", null)).isEqualTo("Keep all");
    }

    @Test
    void rephrasePicksATemplate() {
        var r = new Rephrase(List.of("Quick question: {{input}}", "{{input}} Thanks!", "Hi! {{ input }}"));
        assertThat(r.text("What is 2+2?", rnd("rephrase"))).isEqualTo("Hi! What is 2+2?");
        assertThat(new Rephrase(List.of("Q: {{input}} $1")).text("a\\b", new Random(0))).isEqualTo("Q: a\\b $1");
    }

    @Test
    void nonStringsArePerturbedAsTheJsonTheModelSees() {
        assertThat(new CaseChange(CaseChange.Mode.UPPER).apply(java.util.Map.of("a", "b"), null)).isEqualTo("{\"A\":\"B\"}");
        List<Object> list = new ArrayList<>(List.of(1, 2));
        assertThat(new Filler("x", false).apply(list, null)).isEqualTo("[1,2]\n\nx");
    }
}
