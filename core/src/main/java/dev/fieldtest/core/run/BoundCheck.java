package dev.fieldtest.core.run;

import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check with its optional {@code extract} pattern: the check sees group 1 of the pattern's first match
 * in the output (the whole match when the pattern has no group). No match is a failed verdict, and so is a
 * check that throws. Immutable.
 */
public record BoundCheck(Check check, Pattern extract) {
    public Verdict apply(Observation observation, Case testCase) {
        String text = observation.output();
        if (extract != null) {
            Matcher m = extract.matcher(text);
            if (!m.find()) {
                return Verdict.fail(check.name(), "extract /" + extract.pattern() + "/ found nothing in the output");
            }
            text = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        }
        try {
            return check.check(new CheckInput(text, testCase, observation));
        } catch (RuntimeException e) {
            // A broken check must not lose the call's row; it fails loudly instead.
            return Verdict.fail(check.name(), "the check itself failed: " + e);
        }
    }
}
