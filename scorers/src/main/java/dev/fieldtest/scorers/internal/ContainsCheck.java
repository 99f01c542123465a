package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code contains}, {@code icontains} and {@code not-contains}: {@code value} is a text or a list of texts
 * (templates). contains and icontains pass when every value occurs in the output (icontains ignoring
 * case); not-contains passes when none does. Both sides are compared in Unicode NFC. A value that renders
 * to an empty text fails the check, since "contains nothing" would hold for every output. Internal, not API.
 */
public record ContainsCheck(String name, List<Template> values, Mode mode) implements Check {

    /** Which of the three types this check is. */
    public enum Mode { CONTAINS, ICONTAINS, NOT_CONTAINS }

    public ContainsCheck {
        values = List.copyOf(values);
    }

    public static Check build(Settings s, Mode mode) {
        s.allow("value");
        List<Template> values = s.templates(s.required("value", mode == Mode.NOT_CONTAINS
                ? "add value: with a text, or a list of texts, the output must not contain"
                : "add value: with a text, or a list of texts, the output must contain"));
        for (Template t : values) {
            if (t != null && t.source().isEmpty()) {
                s.problem(t.location(), "value is an empty text, which every output contains", "remove it, or write the text to look for");
            }
        }
        return s.finish(values.isEmpty() ? null : new ContainsCheck(s.name(), values, mode));
    }

    @Override
    public Verdict check(CheckInput input) {
        String text = TextMatch.nfc(input.text());
        boolean ignoreCase = mode == Mode.ICONTAINS;
        List<String> missing = new ArrayList<>();
        for (Template t : values) {
            String value = TextMatch.nfc(input.render(t));
            if (value.isEmpty()) {
                return Verdict.fail(name, "value " + Quote.of(t.source()) + " is empty for this case; give the case a value to look for");
            }
            int at = TextMatch.indexOf(text, value, ignoreCase);
            if (mode == Mode.NOT_CONTAINS && at >= 0) {
                return Verdict.fail(name, "contains " + Quote.of(value) + " at character "
                        + (text.codePointCount(0, at) + 1) + ": " + Quote.around(text, at));
            }
            if (mode != Mode.NOT_CONTAINS && at < 0) missing.add(value);
        }
        if (missing.isEmpty()) return Verdict.pass(name);
        String list = missing.stream().limit(3).map(Quote::of).collect(Collectors.joining(", "))
                + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "");
        String output = text.isEmpty() ? "the output is empty" : "output: " + Quote.of(text);
        return Verdict.fail(name, "does not contain " + list + (ignoreCase ? " (ignoring case)" : "") + "; " + output);
    }
}
