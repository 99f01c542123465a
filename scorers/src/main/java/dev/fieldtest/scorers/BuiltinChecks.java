package dev.fieldtest.scorers;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.scorers.internal.ContainsCheck;
import dev.fieldtest.scorers.internal.EqualsCheck;
import dev.fieldtest.scorers.internal.JsonSchemaCheck;
import dev.fieldtest.scorers.internal.JsonValidCheck;
import dev.fieldtest.scorers.internal.MaxLengthCheck;
import dev.fieldtest.scorers.internal.RegexCheck;
import dev.fieldtest.scorers.internal.Settings;
import java.util.Set;

/**
 * The checks every suite can use without a plugin. Each accepts the common keys {@code type}, {@code name}
 * and {@code extract} besides its own ({@code extract} is the executor's to apply, before the check runs):
 * <ul>
 *   <li>{@code equals}: {@code value} (template, required), {@code ignore_case} (default false). Both sides
 *       are stripped of surrounding whitespace and compared in Unicode NFC.
 *   <li>{@code contains}, {@code icontains}, {@code not-contains}: {@code value}, a template or a list of
 *       them (required); all must occur / all must occur ignoring case / none may occur.
 *   <li>{@code regex}: {@code pattern} or {@code value} (required, not a template), found anywhere; flags
 *       inline, such as {@code (?i)}.
 *   <li>{@code json-valid}: exactly one strict JSON value, nothing after it but whitespace.
 *   <li>{@code json-schema}: {@code schema} (inline map) or {@code schema_file} (JSON or YAML, relative to
 *       the suite's folder); draft 2020-12 unless {@code $schema} says otherwise; {@code format} asserted.
 *   <li>{@code max-length}: {@code value} (whole number, at least 0, required), {@code unit: chars}
 *       (code points, default) or {@code words} (runs of non-whitespace).
 * </ul>
 *
 * <p>Promises: every problem in a check's settings is reported at the offending value's location, all at
 * once, and then {@link #create} returns null; regexes and schemas are compiled when the suite loads;
 * checks are thread-safe, never evaluate the output, and fail (never throw) on output they cannot judge,
 * including no output at all; a failure's detail is one line quoting at most 80 characters of output
 * at a time.
 */
public final class BuiltinChecks implements CheckFactory {
    private static final Set<String> TYPES = Set.of(
            "equals", "contains", "icontains", "not-contains", "regex", "json-valid", "json-schema", "max-length");

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public Check create(CheckSpec spec, BuildContext context) {
        Settings s = new Settings(spec, context);
        Check check = switch (spec.type()) {
            case "equals" -> EqualsCheck.build(s);
            case "contains" -> ContainsCheck.build(s, ContainsCheck.Mode.CONTAINS);
            case "icontains" -> ContainsCheck.build(s, ContainsCheck.Mode.ICONTAINS);
            case "not-contains" -> ContainsCheck.build(s, ContainsCheck.Mode.NOT_CONTAINS);
            case "regex" -> RegexCheck.build(s);
            case "json-valid" -> JsonValidCheck.build(s);
            case "json-schema" -> JsonSchemaCheck.build(s);
            case "max-length" -> MaxLengthCheck.build(s);
            default -> throw new IllegalArgumentException("BuiltinChecks does not build type '" + spec.type()
                    + "'; the loader should pick the factory whose types() has it");
        };
        return check == null ? null : new OutputRequired(check);
    }

    /** Fails a call that has no text to judge, so no check has to handle a null output. */
    private record OutputRequired(Check inner) implements Check {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Verdict check(CheckInput input) {
            if (input.text() == null) return Verdict.fail(inner.name(), "no output to check (the call failed)");
            return inner.check(input);
        }
    }
}
