package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.spi.Check;
import dev.fieldtest.scorers.internal.RegexCheck;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexCheckTest {

    @Test
    void passesWhenThePatternIsFoundAnywhere() {
        Check check = check("type: regex\npattern: '\\d{4}-\\d{2}-\\d{2}'\n");
        assertThat(run(check, "Delivered on 2024-05-01, as planned.").pass()).isTrue();
        assertThat(run(check, "Delivered on May 1st.").detail())
                .isEqualTo("no match for /\\d{4}-\\d{2}-\\d{2}/ in \"Delivered on May 1st.\"");
    }

    @Test
    void valueWorksAsWellAsPattern() {
        Check check = check("type: regex\nvalue: '^Paris$'\n");
        assertThat(run(check, "Paris").pass()).isTrue();
        assertThat(run(check, "Paris, France").pass()).isFalse();
    }

    @Test
    void flagsGoInline() {
        Check check = check("type: regex\npattern: '(?i)\\bparis\\b'\n");
        assertThat(run(check, "It is PARIS.").pass()).isTrue();
        Check multiline = check("type: regex\npattern: '(?m)^Answer: \\w+$'\n");
        assertThat(run(multiline, "Thinking...\nAnswer: Paris\n").pass()).isTrue();
    }

    @Test
    void matchesUnicodeAndTheEmptyOutput() {
        assertThat(run(check("type: regex\npattern: '東京'\n"), "首都は東京です").pass()).isTrue();
        assertThat(run(check("type: regex\npattern: '^$'\n"), "").pass()).isTrue();
        assertThat(run(check("type: regex\npattern: '\\w'\n"), "").detail())
                .isEqualTo("no match for /\\w/; the output is empty");
    }

    @Test
    void theOutputIsOnlyMatchedNeverInterpretedAsAPattern() {
        Check check = check("type: regex\npattern: 'a.c'\n");
        assertThat(run(check, "(?i)[unclosed").pass()).isFalse();
    }

    @Test
    void aPatternThatBacktracksForeverFailsInsteadOfHanging() {
        // A short limit keeps the test fast; suites get RegexCheck.LIMIT.
        // (.*){12}z tries every way to split the text into 12 parts before giving up: about n^12 steps.
        Check check = new RegexCheck("regex", Pattern.compile("(.*){12}z"), Duration.ofMillis(50));
        long start = System.nanoTime();
        String detail = run(check, "no match here, ".repeat(5)).detail();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(detail).isEqualTo("gave up matching /(.*){12}z/ after 50 ms on this output; the pattern backtracks too much, simplify it");
    }
}
