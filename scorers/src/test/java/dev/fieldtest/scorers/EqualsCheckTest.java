package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.spi.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EqualsCheckTest {
    private final Check expected = check("type: equals\nvalue: \"{{expected}}\"\n");

    @Test
    void passesOnTheExpectedAnswerIgnoringSurroundingWhitespace() {
        assertThat(run(expected, "Paris")).isEqualTo(Verdict.pass("equals"));
        assertThat(run(expected, "  Paris\n\n").pass()).isTrue();
    }

    @Test
    void failsQuotingBothSides() {
        assertThat(run(expected, "Lyon")).isEqualTo(Verdict.fail("equals", "expected \"Paris\" but got \"Lyon\""));
    }

    @Test
    void isCaseSensitiveUnlessToldOtherwise() {
        assertThat(run(expected, "paris").pass()).isFalse();
        Check relaxed = check("type: equals\nvalue: \"{{expected}}\"\nignore_case: true\n");
        assertThat(run(relaxed, "PARIS").pass()).isTrue();
        assertThat(run(relaxed, "Lyon").detail()).isEqualTo("expected \"Paris\" but got \"Lyon\" (ignoring case)");
    }

    @Test
    void whitespaceInsideTheTextCounts() {
        Check check = check("type: equals\nvalue: New York\n");
        assertThat(run(check, "New  York").pass()).isFalse();
    }

    @Test
    void sayWhenTheOutputIsEmpty() {
        assertThat(run(expected, "   ").detail()).isEqualTo("expected \"Paris\" but the output is empty");
    }

    @Test
    void fillsTheValueFromTheCaseVariables() {
        Check check = check("type: equals\nvalue: \"The capital of {{country}} is {{city}}.\"\n");
        assertThat(run(check, "The capital of France is Paris.").pass()).isTrue();
        Case italy = new Case("capital-it", Map.of("country", "Italy", "city", "Rome"), null, List.of(), Location.of(null));
        assertThat(run(check, "The capital of Italy is Rome.", italy).pass()).isTrue();
    }

    @Test
    void composedAndDecomposedAccentsAreEqual() {
        Check check = check("type: equals\nvalue: café\n");
        assertThat(run(check, "cafe\u0301").pass()).isTrue(); // "e" + combining acute accent
        assertThat(run(check, "cafe").detail()).isEqualTo("expected \"café\" but got \"cafe\"");
    }

    @Test
    void longTextsAreQuotedWhereTheyDiffer() {
        String start = "word ".repeat(40);
        Check check = check("type: equals\nvalue: \"" + start + "end\"\n");
        String detail = run(check, start + "END").detail();
        assertThat(detail).contains("\"…d word word", "word end\" but got", "word END\" (they differ from character 201)");
    }

    @Test
    void outputCannotBreakTheDetailOntoSeveralLines() {
        assertThat(run(expected, "Lyon\n\u202Esiraprecnis").detail())
                .isEqualTo("expected \"Paris\" but got \"Lyon\\n\\u202Esiraprecnis\"");
    }
}
