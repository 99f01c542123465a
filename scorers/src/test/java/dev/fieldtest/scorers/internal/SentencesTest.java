package dev.fieldtest.scorers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sentence splitter and the content words lexical grounding compares. */
class SentencesTest {
    @Test
    void splitsAtEndPunctuationBeforeSpaceAndAtLineBreaks() {
        assertThat(Sentences.split("Use e.g. the CLI. Pi is 3.14! Is it?? Mr. Smith said so.\n- item one\r\n- item two"))
                .containsExactly("Use e.g. the CLI.", "Pi is 3.14!", "Is it??", "Mr. Smith said so.", "- item one", "- item two");
        assertThat(Sentences.split("He said \"stop.\" Then he left... Visit example.com today. U.S. policy changed. Done"))
                .containsExactly("He said \"stop.\"", "Then he left...", "Visit example.com today.", "U.S. policy changed.", "Done");
        assertThat(Sentences.split("  \n\n ")).isEmpty();
        assertThat(Sentences.split("No end")).containsExactly("No end");
        // a single letter before a dot reads as an initial
        assertThat(Sentences.split("Ask J. Smith (i.e. the owner).")).containsExactly("Ask J. Smith (i.e. the owner).");
    }

    @Test
    void contentWordsDropStopWordsAndMeetAcrossSimpleSuffixes() {
        assertThat(ContentWords.of("The refund is not available to you")).containsExactly("refund", "availabl");
        for (String[] same : new String[][] {
                {"refund", "refunds", "refunded", "refunding"}, {"stop", "stops", "stopped", "stopping"},
                {"city", "cities"}, {"study", "studies", "studied"}, {"box", "boxes"}, {"create", "creates", "created", "creating"},
                {"class", "classes"}, {"call", "called", "calling"}, {"pass", "passed"}, {"status"}}) {
            for (String w : same) assertThat(ContentWords.stem(w)).as(w).isEqualTo(ContentWords.stem(same[0]));
        }
        assertThat(ContentWords.stem("seed")).isEqualTo("seed");
        assertThat(ContentWords.of("Don't panic: it's 42.")).containsExactly("panic", "42");
    }
}
