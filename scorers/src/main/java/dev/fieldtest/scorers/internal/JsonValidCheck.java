package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;

/**
 * {@code json-valid}: passes when the text is exactly one strict JSON value (see {@link JsonText});
 * whitespace around it is allowed, any other text is not. No settings. Internal, not API.
 */
public record JsonValidCheck(String name) implements Check {

    public static Check build(Settings s) {
        s.allow();
        return s.finish(new JsonValidCheck(s.name()));
    }

    @Override
    public Verdict check(CheckInput input) {
        JsonText.Parsed parsed = JsonText.parse(input.text());
        return parsed.problem() == null ? Verdict.pass(name) : Verdict.fail(name, parsed.problem());
    }
}
