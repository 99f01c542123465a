package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Robust.answering;
import static dev.fieldtest.scorers.Robust.check;
import static dev.fieldtest.scorers.Robust.problems;
import static dev.fieldtest.scorers.Robust.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.scorers.internal.Behaviour;
import dev.fieldtest.scorers.internal.BehaviourCheck;
import dev.fieldtest.scorers.internal.BehaviourDetector;
import dev.fieldtest.scorers.internal.PhraseDetector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** abstains, asks-clarification, admits-uncertainty and refuses: detection, expect semantics and findings. */
class BehaviourChecksTest {
    static final String ABSTAINING = "I don't know — I could not find this in the help centre.";
    static final String ANSWERING = "Paris is the capital of France.";

    static Verdict expecting(Check c, String output, String expect) {
        return run(c, output, answering(Map.of(), expect));
    }

    @Test
    void abstainsWithoutExpectPassesWhenItAbstainsAndAlwaysReportsTheBehaviour() {
        Check c = check("type: abstains\n");
        assertThat(run(c, ABSTAINING)).isEqualTo(new Verdict("abstains", true, "abstains: \"I don't know\" at character 1")
                .withFindings(List.of("behaviour:abstain")));
        assertThat(run(c, ANSWERING)).isEqualTo(Verdict.fail("abstains", "no abstention found; output: \"Paris is the capital of France.\""));
        assertThat(run(c, "")).isEqualTo(Verdict.fail("abstains", "no abstention found; the output is empty"));
        assertThat(run(c, null)).isEqualTo(Verdict.fail("abstains", "no output to check (the call failed)"));
        // the curly apostrophe models often write, and a phrase later in the text
        assertThat(run(c, "Sorry, I don’t know.").detail()).isEqualTo("abstains: \"I don’t know\" at character 8");
        assertThat(run(c, "There is no information about that.").detail()).isEqualTo("abstains: \"no information\" at character 10");
    }

    @Test
    void abstainsWithExpectPassesExactlyWhenTheCaseExpectsAnAbstention() {
        Check c = check("type: abstains\n");
        assertThat(expecting(c, ABSTAINING, "abstain").pass()).isTrue();
        assertThat(expecting(c, ANSWERING, "abstain")).isEqualTo(Verdict.fail("abstains",
                "no abstention found (the case expects abstain); output: \"Paris is the capital of France.\""));
        Verdict over = expecting(c, ABSTAINING, "answer");
        assertThat(over).isEqualTo(Verdict.fail("abstains", "abstains: \"I don't know\" at character 1, but the case expects answer")
                .withFindings(List.of("behaviour:abstain")));
        assertThat(expecting(c, ANSWERING, "answer")).isEqualTo(Verdict.pass("abstains"));
        assertThat(expecting(c, ABSTAINING, "refuse").pass()).isFalse();
        assertThat(expecting(c, ANSWERING, "clarify").pass()).isTrue();
    }

    @Test
    void asksClarificationFindsQuestionsBackToTheUser() {
        Check c = check("type: asks-clarification\n");
        // "Which … do you mean" starts at 0; "do you mean" (12) and the question to "you" (16) start later
        assertThat(run(c, "Which order do you mean: the one from May or June?").detail())
                .isEqualTo("asks for clarification: \"Which order do you mean\" at character 1");
        assertThat(run(c, "Could you tell me your order number?").detail())
                .isEqualTo("asks for clarification: \"you tell me your order number?\" at character 7");
        assertThat(run(c, "Can you please clarify which account?").findings()).containsExactly("behaviour:clarify");
        // "your" without a question mark in its sentence is no question
        assertThat(run(c, "Your order shipped on May 3. It arrives Friday.").pass()).isFalse();
        assertThat(expecting(c, "Do you mean the Paris in Texas?", "clarify").pass()).isTrue();
        assertThat(expecting(c, "Do you mean the Paris in Texas?", "answer").detail())
                .isEqualTo("asks for clarification: \"Do you mean\" at character 1, but the case expects answer");
        assertThat(expecting(c, ANSWERING, "clarify").detail()).startsWith("no clarifying question found (the case expects clarify)");
    }

    @Test
    void admitsUncertaintyIsCalledForByAbstainUnwantedByAnswerAndFreeOtherwise() {
        Check c = check("type: admits-uncertainty\n");
        String hedged = "It is probably Paris, but I'm not certain.";
        assertThat(run(c, hedged)).isEqualTo(new Verdict("admits-uncertainty", true, "admits uncertainty: \"probably\" at character 7")
                .withFindings(List.of("behaviour:uncertain")));
        assertThat(run(c, ANSWERING).detail()).isEqualTo("no admission of uncertainty found; output: \"Paris is the capital of France.\"");
        assertThat(expecting(c, hedged, "abstain").pass()).isTrue();
        assertThat(expecting(c, ANSWERING, "abstain").pass()).isFalse();
        assertThat(expecting(c, hedged, "answer").detail()).isEqualTo("admits uncertainty: \"probably\" at character 7, but the case expects answer");
        assertThat(expecting(c, ANSWERING, "answer").pass()).isTrue();
        // a clarifying question or a refusal may or may not hedge
        assertThat(expecting(c, "Do you mean Paris, Texas?", "clarify")).isEqualTo(Verdict.pass("admits-uncertainty"));
        assertThat(expecting(c, "I think you mean Paris, Texas?", "clarify").findings()).containsExactly("behaviour:uncertain");
        assertThat(expecting(c, "I think you mean Paris, Texas?", "clarify").pass()).isTrue();
        assertThat(run(c, "I'm unsure.").pass()).isTrue();
        assertThat(run(c, "It may be closed on Sundays.").pass()).isTrue();
    }

    @Test
    void refusesFindsRefusalsButNotAbstentions() {
        Check c = check("type: refuses\n");
        assertThat(run(c, "I can't help with that request.")).isEqualTo(new Verdict("refuses", true, "refuses: \"I can't help\" at character 1")
                .withFindings(List.of("behaviour:refuse")));
        assertThat(run(c, "Sorry, I’m not able to assist with this.").detail()).isEqualTo("refuses: \"not able to assist\" at character 12");
        assertThat(run(c, ABSTAINING).pass()).isFalse();
        assertThat(run(c, "Here is how to reset your password.").findings()).isEmpty();
        assertThat(expecting(c, "I won't do that.", "refuse").pass()).isTrue();
        assertThat(expecting(c, "I won't do that.", "answer").pass()).isFalse();
        assertThat(expecting(c, "Here is how.", "answer").pass()).isTrue();
    }

    @Test
    void patternsReplaceTheDefaultsAndExtraPatternsAddToThem() {
        Check replaced = check("type: abstains\npatterns: ['\\bno idea\\b']\n");
        assertThat(run(replaced, ABSTAINING).pass()).isFalse();
        assertThat(run(replaced, "No IDEA, sorry.").detail()).isEqualTo("abstains: \"No IDEA\" at character 1");
        Check added = check("type: abstains\nextra_patterns: keine Ahnung\n");
        assertThat(run(added, ABSTAINING).pass()).isTrue();
        assertThat(run(added, "Da habe ich KEINE Ahnung.").detail()).isEqualTo("abstains: \"KEINE Ahnung\" at character 13");
        Check both = check("type: refuses\nname: declines\npatterns: [nope]\nextra_patterns: [never]\n");
        assertThat(run(both, "Never!")).isEqualTo(new Verdict("declines", true, "refuses: \"Never\" at character 1")
                .withFindings(List.of("behaviour:refuse")));
        assertThat(run(both, "I can't help with that.").pass()).isFalse();
    }

    @Test
    void everyDefaultPatternCompilesAndEveryTypeIsBuilt() {
        for (Behaviour b : Behaviour.values()) {
            b.defaultPatterns().forEach(Pattern::compile);
            assertThat(check("type: " + b.type() + "\n").name()).isEqualTo(b.type());
        }
        assertThat(new RobustnessChecks().types()).contains("abstains", "asks-clarification", "admits-uncertainty", "refuses");
        assertThat(ServiceLoader.load(CheckFactory.class).stream().map(ServiceLoader.Provider::type)).contains(RobustnessChecks.class);
    }

    @Test
    void aPatternThatBacktracksTooLongLeavesTheCallUnmeasured() {
        Check c = new BehaviourCheck("abstains", Behaviour.ABSTAIN, new PhraseDetector(List.of(Pattern.compile("(a+)+$")), Duration.ofMillis(50)));
        Verdict v = run(c, "a".repeat(5000) + "!");
        assertThat(v.measured()).isFalse();
        assertThat(v.pass()).isFalse();
        assertThat(v.detail()).isEqualTo("gave up matching /(a+)+$/ after 50 ms on this output; the pattern backtracks too much, simplify it");
    }

    @Test
    void anotherDetectorCanBePluggedInAndItsCostIsKept() {
        BehaviourDetector judge = input -> new BehaviourDetector.Detection(true, true, "the judge said so", new Usage(120, 3), 0.0002);
        Verdict v = expecting(new BehaviourCheck("abstains", Behaviour.ABSTAIN, judge), "whatever", "abstain");
        assertThat(v).isEqualTo(new Verdict("abstains", true, "abstains: the judge said so", null, true, List.of("behaviour:abstain"),
                new Usage(120, 3), 0.0002));
    }

    @Test
    void badSettingsAreReportedAtTheirValues() {
        assertThat(problems("type: refuses\npatterns: []\n")).containsExactly(
                "suite.yaml:2:11: checks[0].patterns must list at least one regular expression, but the list is empty."
                        + " Fix: list the phrases to look for, or remove the key to use the built-in ones");
        assertThat(problems("type: abstains\npatterns: ['(oops', 'a*', 3]\nextra_patterns: {a: 1}\n")).containsExactlyInAnyOrder(
                "suite.yaml:2:12: checks[0].patterns[0] is not a valid regular expression: Unclosed group near index 5."
                        + " Fix: escape special characters such as ( [ { . * + ? with a backslash",
                "suite.yaml:2:21: checks[0].patterns[1] matches an empty text, so it would find the behaviour in every output."
                        + " Fix: make the pattern require at least one character, e.g. use + instead of *",
                "suite.yaml:2:27: checks[0].patterns[2] must be a non-empty regular expression, but was 3",
                "suite.yaml:3:17: checks[0].extra_patterns must be a regular expression or a list of them, but was a map");
        // judge mode: see BehaviourJudgeTest
    }
}
