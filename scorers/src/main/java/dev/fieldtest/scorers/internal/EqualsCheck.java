package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;

/**
 * {@code equals}: passes when the text equals the rendered {@code value}, once whitespace around both is
 * stripped and both are in Unicode NFC; {@code ignore_case: true} compares without case. Internal, not API.
 */
public record EqualsCheck(String name, Template value, boolean ignoreCase) implements Check {

    public static Check build(Settings s) {
        var reader = s.allow("value", "ignore_case");
        Template value = s.template(s.required("value", "add value: with the exact answer, such as \"{{expected}}\""));
        boolean ignoreCase = reader.bool("ignore_case", false);
        return s.finish(value == null ? null : new EqualsCheck(s.name(), value, ignoreCase));
    }

    @Override
    public Verdict check(CheckInput input) {
        String expected = TextMatch.nfc(input.render(value).strip());
        String actual = TextMatch.nfc(input.text().strip());
        if (TextMatch.same(expected, actual, ignoreCase)) return Verdict.pass(name);
        return Verdict.fail(name, detail(expected, actual));
    }

    private String detail(String expected, String actual) {
        String suffix = ignoreCase ? " (ignoring case)" : "";
        if (actual.isEmpty()) return "expected " + Quote.of(expected) + " but the output is empty" + suffix;
        int at = TextMatch.firstDifference(expected, actual, ignoreCase);
        boolean longText = Math.max(expected.length(), actual.length()) > Quote.MAX;
        // With long texts the start of both is often identical; show where they part instead.
        String where = longText ? " (they differ from character " + (actual.codePointCount(0, Math.min(at, actual.length())) + 1) + ")" : "";
        return "expected " + Quote.around(expected, at) + " but got " + Quote.around(actual, at) + where + suffix;
    }
}
