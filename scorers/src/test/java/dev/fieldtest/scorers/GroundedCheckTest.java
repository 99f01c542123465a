package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Robust.answering;
import static dev.fieldtest.scorers.Robust.check;
import static dev.fieldtest.scorers.Robust.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.GradesWithModel;
import dev.fieldtest.embedded.EmbeddingModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** grounded: lexical scores worked out by hand, embedding mode on clear cases, and settings problems. */
class GroundedCheckTest {
    static final String STORE = "Our store opens at 9 am on weekdays. Refunds are issued within 14 days of purchase. "
            + "Shipping is free for orders over 50 euros.";
    static final Case SHOP = answering(Map.of("context", STORE), null);

    static Verdict run(Check c, String output) {
        return Robust.run(c, output, SHOP);
    }

    @Test
    void lexicalScoresTheShareOfSupportedSentences() {
        // 1: store, open, 9, weekday — all in the context (at, am, on are stop-words)
        // 2: refund, issu(ed), within, 14, day — all in the context
        // 3: sell, gift, card — none (we, also are stop-words), so 2 of 3 = 0.6667
        String output = "The store opens at 9 am on weekdays. Refunds are issued within 14 days. We also sell gift cards.";
        Verdict v = run(check("type: grounded\ncontext: '{{context}}'\n"), output);
        assertThat(v.pass()).isFalse();
        assertThat(v.score()).isCloseTo(0.6667, within(0.0001));
        assertThat(v.detail()).isEqualTo("2 of 3 sentences supported by the context (0.67 < 1.00); unsupported: \"We also sell gift cards.\"");
        assertThat(v.findings()).containsExactly("unsupported:We also sell gift cards.");
        Verdict lenient = run(check("type: grounded\ncontext: '{{context}}'\nmin_score: 0.6\n"), output);
        assertThat(lenient.pass()).isTrue();
        assertThat(lenient.detail()).isEqualTo("2 of 3 sentences supported by the context; unsupported: \"We also sell gift cards.\"");
        assertThat(run(check("type: grounded\ncontext: '{{context}}'\n"), "Shipping is free for orders over 50 euros!"))
                .isEqualTo(new Verdict("grounded", true, null, 1.0, true, List.of(), null, 0));
    }

    @Test
    void minOverlapSetsHowManyContentWordsMustBeInTheContext() {
        // refund, issu, within, day in the context; 30, bank, transfer not: 4 of 7 = 0.571
        String output = "Refunds are issued within 30 days by bank transfer.";
        assertThat(run(check("type: grounded\ncontext: '{{context}}'\n"), output).pass()).isTrue();
        assertThat(run(check("type: grounded\ncontext: '{{context}}'\nmin_overlap: 0.6\n"), output).score()).isEqualTo(0.0);
        assertThat(run(check("type: grounded\ncontext: '{{context}}'\nmin_overlap: 0.57\n"), output).score()).isEqualTo(1.0);
    }

    @Test
    void emptyOutputsFailAndOutputsThatClaimNothingScoreOne() {
        Check c = check("type: grounded\ncontext: '{{context}}'\n");
        assertThat(run(c, "  \n")).isEqualTo(new Verdict("grounded", false, "the output is empty, so nothing in it is grounded", 0.0, true, List.of(), null, 0));
        assertThat(run(c, "Yes. OK!")).isEqualTo(new Verdict("grounded", true, "no sentence with content words to check", 1.0, true, List.of(), null, 0));
        assertThat(run(c, null)).isEqualTo(Verdict.fail("grounded", "no output to check (the call failed)"));
        assertThat(Robust.run(c, "The store opens at 9.", answering(Map.of("context", " "), null))).isEqualTo(Verdict.fail("grounded",
                "context \"{{context}}\" is blank for this case; give the case the text the output should rest on"));
    }

    @Test
    void theDetailQuotesTwoUnsupportedSentencesAndTheFindingsAll() {
        Verdict v = run(check("type: grounded\ncontext: '{{context}}'\n"), "Cats purr. Dogs bark loudly. Birds sing.\nFish swim.");
        assertThat(v.score()).isEqualTo(0.0);
        assertThat(v.detail()).isEqualTo("0 of 4 sentences supported by the context (0.00 < 1.00); unsupported: \"Cats purr.\", \"Dogs bark loudly.\" and 2 more");
        assertThat(v.findings()).containsExactly("unsupported:Cats purr.", "unsupported:Dogs bark loudly.", "unsupported:Birds sing.", "unsupported:Fish swim.");
        String longSentence = "Gift cards " + "and vouchers ".repeat(10) + "are sold.";
        assertThat(run(check("type: grounded\ncontext: '{{context}}'\n"), longSentence).findings())
                .containsExactly("unsupported:" + longSentence.substring(0, 80) + "…");
    }

    @Test
    void embeddingModeComparesEachSentenceWithTheClosestContextSentence() {
        Case paris = answering(Map.of("context", "Paris is the capital of France. The Eiffel Tower is in Paris."), null);
        Check c = check("type: grounded\nmode: embedding\ncontext: '{{context}}'\n");
        assertThat(c).isInstanceOf(GradesWithModel.class);
        assertThat(((GradesWithModel) c).graderModel()).isEqualTo("e5-small-v2");
        var e5 = EmbeddingModels.load("e5-small-v2");
        assertThat(EmbeddingModels.cosine(e5.embed("Bananas are rich in potassium."), e5.embed("Paris is the capital of France."))).isLessThan(0.85);
        Verdict v = Robust.run(c, "The capital of France is Paris. Bananas are rich in potassium.", paris);
        assertThat(v.score()).isEqualTo(0.5);
        assertThat(v.findings()).containsExactly("unsupported:Bananas are rich in potassium.");
        Check miniLm = check("type: grounded\nmode: embedding\nmodel: all-minilm-l6-v2\nallow_same_model: true\ncontext: '{{context}}'\n");
        assertThat(((GradesWithModel) miniLm).allowsSameModel()).isTrue();
        assertThat(Robust.run(miniLm, "The capital of France is Paris.", paris).pass()).isTrue();
        assertThat(Robust.run(miniLm, "Quarterly revenue grew by eight percent.", paris).score()).isEqualTo(0.0);
        assertThat(check("type: grounded\ncontext: x\n")).isNotInstanceOf(GradesWithModel.class);
    }

    @Test
    void settingsProblemsAreReportedAtTheirValues() {
        assertThat(problems("type: grounded\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'context'. Fix: add context: with the text the output must rest on, such as \"{{context}}\"");
        assertThat(problems("type: grounded\ncontext: x\nmode: judge\n")).containsExactly(
                "suite.yaml:3:7: mode: judge needs 'judge', the id of the judge that grades."
                        + " Fix: declare the judge under judges: at the top of the suite (same shape as a target), then name its id here");
        assertThat(problems("type: grounded\ncontext: x\nmode: fuzzy\nmin_score: 2\n")).containsExactlyInAnyOrder(
                "suite.yaml:3:7: checks[0].mode must be lexical, embedding or judge, but was \"fuzzy\"",
                "suite.yaml:4:12: checks[0].min_score must be a number from 0 to 1, but was 2");
        assertThat(problems("type: grounded\ncontext: x\nthreshold: 0.5\nmodel: e5-small-v2\n")).containsExactlyInAnyOrder(
                "suite.yaml:3:1: threshold applies to mode: embedding only. Fix: remove it, or set mode: embedding",
                "suite.yaml:4:1: model applies to mode: embedding only. Fix: remove it, or set mode: embedding");
        assertThat(problems("type: grounded\ncontext: x\nmode: embedding\nmin_overlap: 0.5\nmodel: gpt-4o\n")).containsExactlyInAnyOrder(
                "suite.yaml:4:1: min_overlap applies to mode: lexical only. Fix: remove it, or set mode: lexical",
                "suite.yaml:5:8: checks[0].model must be one of all-minilm-l6-v2, e5-small-v2, but was \"gpt-4o\". Fix: use one of the embedding models shipped with fieldtest");
        assertThat(problems("type: grounded\ncontext: ' '\nmin_overlap: 1.5\n")).containsExactlyInAnyOrder(
                "suite.yaml:2:10: context is blank, so no sentence could be supported. Fix: write the context, such as \"{{context}}\"",
                "suite.yaml:3:14: checks[0].min_overlap must be a number from 0 to 1, but was 1.5");
    }
}
