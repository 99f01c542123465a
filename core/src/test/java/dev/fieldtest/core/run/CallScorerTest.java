package dev.fieldtest.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.ScoredCall;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CallScorerTest {
    private static final Case CASE = new Case("c1", Map.of(), "42", List.of("math"), Location.of(null));

    /** Passes when the text it sees equals the case's expected value. */
    private static final Check EQUALS_EXPECTED = new Check() {
        public String name() { return "eq"; }
        public Verdict check(CheckInput in) {
            return in.text().equals(in.testCase().expected()) ? Verdict.pass("eq") : Verdict.fail("eq", "got " + in.text());
        }
    };

    private static Observation answer(String text) {
        return new Observation("t", "c1", 0, List.of(Message.user("q")), text, null, 1, null, null, 1, 0, null, null, 0, null, null);
    }

    @Test
    void passesWhenEveryCheckPassesOnTheExtractedText() {
        var scorer = new CallScorer(List.of(new BoundCheck(EQUALS_EXPECTED, Pattern.compile("Answer: (\\d+)"))), null);
        ScoredCall s = scorer.score("r", answer("Thinking... Answer: 42."), CASE);
        assertThat(s.pass()).isTrue();
        assertThat(s.tags()).containsExactly("math");
        ScoredCall wrong = scorer.score("r", answer("Answer: 41"), CASE);
        assertThat(wrong.pass()).isFalse();
        assertThat(wrong.verdicts()).singleElement().satisfies(v -> assertThat(v.detail()).isEqualTo("got 41"));
    }

    @Test
    void anExtractThatFindsNothingFailsTheCheck() {
        var scorer = new CallScorer(List.of(new BoundCheck(EQUALS_EXPECTED, Pattern.compile("Answer: (\\d+)"))), null);
        assertThat(scorer.score("r", answer("no idea"), CASE).verdicts().get(0).detail()).contains("found nothing");
    }

    @Test
    void aFailedCallFailsWithoutVerdicts() {
        var failed = new Observation("t", "c1", 0, List.of(), null, null, 1, null, null, 3, 3, ErrorClass.THROTTLED, "429", 0, null, null);
        ScoredCall s = new CallScorer(List.of(new BoundCheck(EQUALS_EXPECTED, null)), Pattern.compile("(\\d)")).score("r", failed, CASE);
        assertThat(s.pass()).isFalse();
        assertThat(s.verdicts()).isEmpty();
        assertThat(s.confidence()).isNull();
    }

    @Test
    void readsStatedConfidenceAsAFractionOrAPercentage() {
        var scorer = new CallScorer(List.of(), Pattern.compile("confidence:\\s*([0-9.]+%?)", Pattern.CASE_INSENSITIVE));
        assertThat(scorer.statedConfidence("Paris. Confidence: 0.85")).isEqualTo(0.85);
        assertThat(scorer.statedConfidence("Paris. confidence: 85%")).isEqualTo(0.85);
        assertThat(scorer.statedConfidence("Paris. confidence: 70")).isEqualTo(0.70);
        assertThat(scorer.statedConfidence("Paris. confidence: 150")).isNull();
        assertThat(scorer.statedConfidence("Paris.")).isNull();
    }
}
