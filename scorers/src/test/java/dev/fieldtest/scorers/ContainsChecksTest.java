package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.spi.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainsChecksTest {

    @Test
    void containsPassesWhenTheValueOccursAnywhere() {
        Check check = check("type: contains\nvalue: refund\n");
        assertThat(run(check, "We will refund you within 5 days.").pass()).isTrue();
        assertThat(run(check, "We cannot help.").detail())
                .isEqualTo("does not contain \"refund\"; output: \"We cannot help.\"");
    }

    @Test
    void containsIsCaseSensitive() {
        Check check = check("type: contains\nvalue: Refund\n");
        assertThat(run(check, "refund issued").pass()).isFalse();
    }

    @Test
    void aListNeedsEveryValueAndTheDetailNamesTheMissingOnes() {
        Check check = check("type: contains\nvalue: [refund, \"5 days\", receipt]\n");
        assertThat(run(check, "A refund takes 5 days; keep your receipt.").pass()).isTrue();
        assertThat(run(check, "A refund takes a week.").detail())
                .isEqualTo("does not contain \"5 days\", \"receipt\"; output: \"A refund takes a week.\"");
    }

    @Test
    void valuesAreTemplatesFilledFromTheCase() {
        Check check = check("type: contains\nvalue: [\"{{expected}}\", \"{{country}}\"]\n");
        assertThat(run(check, "Paris is the capital of France.").pass()).isTrue();
        assertThat(run(check, "Paris.").detail()).startsWith("does not contain \"France\"");
    }

    @Test
    void aValueThatRendersEmptyFailsRatherThanMatchingEverything() {
        Check check = check("type: contains\nvalue: \"{{hint}}\"\n");
        Case blank = new Case("no-hint", Map.of("hint", ""), null, List.of(), Location.of(null));
        assertThat(run(check, "anything", blank).detail())
                .isEqualTo("value \"{{hint}}\" is empty for this case; give the case a value to look for");
    }

    @Test
    void anEmptyOutputContainsNothing() {
        Check check = check("type: contains\nvalue: refund\n");
        assertThat(run(check, "").detail()).isEqualTo("does not contain \"refund\"; the output is empty");
    }

    @Test
    void icontainsIgnoresCaseIncludingBeyondAscii() {
        Check check = check("type: icontains\nvalue: [REFUND, ÉTÉ]\n");
        assertThat(run(check, "Refund granted for l'été.").pass()).isTrue();
        assertThat(run(check, "refund").detail())
                .isEqualTo("does not contain \"ÉTÉ\" (ignoring case); output: \"refund\"");
    }

    @Test
    void icontainsTreatsRegexCharactersLiterally() {
        Check check = check("type: icontains\nvalue: \"(a.b)\"\n");
        assertThat(run(check, "see (A.B)").pass()).isTrue();
        assertThat(run(check, "see (AxB)").pass()).isFalse();
    }

    @Test
    void containsCountsEmojiAndCombiningMarksAsTheyLook() {
        Check check = check("type: contains\nvalue: \"naïve 👍\"\n");
        assertThat(run(check, "That was nai\u0308ve 👍!").pass()).isTrue();
    }

    @Test
    void notContainsPassesWhenNoValueOccurs() {
        Check check = check("type: not-contains\nvalue: [\"As an AI\", password]\n");
        assertThat(run(check, "Paris is the capital.").pass()).isTrue();
        assertThat(run(check, "").pass()).isTrue();
    }

    @Test
    void notContainsQuotesTheOffendingPartOfTheOutput() {
        Check check = check("type: not-contains\nvalue: [\"As an AI\", password]\n");
        String output = "Sure. ".repeat(20) + "Your password is hunter2.";
        assertThat(run(check, output).detail())
                .isEqualTo("contains \"password\" at character 126: \"… Sure. Sure. Sure. Sure. Sure. Sure. Sure. Sure. Sure. Your password is hunter2.\"");
    }
}
