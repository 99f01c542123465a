package dev.fieldtest.scorers.internal;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code json-schema}: passes when the text is one JSON value (as {@code json-valid}) that the schema
 * accepts. The schema comes from {@code schema} (inline) or {@code schema_file} (JSON or YAML, relative to
 * the suite's folder) and is checked and compiled when the suite loads. A failure names the first
 * {@value #SHOWN} violations with their JSON paths. Internal, not API.
 */
public record JsonSchemaCheck(String name, JsonSchema schema) implements Check {
    /** Violations a failure detail spells out; the rest are counted. */
    static final int SHOWN = 3;

    public static Check build(Settings s) {
        s.allow("schema", "schema_file");
        SchemaLoader.Source source = SchemaLoader.load(s);
        JsonSchema schema = source == null ? null : SchemaCompiler.compile(s, source);
        return s.finish(schema == null ? null : new JsonSchemaCheck(s.name(), schema));
    }

    @Override
    public Verdict check(CheckInput input) {
        JsonText.Parsed parsed = JsonText.parse(input.text());
        if (parsed.problem() != null) return Verdict.fail(name, parsed.problem());
        Set<ValidationMessage> wrong = schema.validate(parsed.value());
        if (wrong.isEmpty()) return Verdict.pass(name);
        List<String> messages = wrong.stream().map(ValidationMessage::getMessage).toList();
        // Messages can quote property names from the output, so they are shortened and escaped like any quote.
        String shown = messages.stream().limit(SHOWN).map(m -> Quote.shorten(m, 100)).collect(Collectors.joining("; "));
        return Verdict.fail(name, shown + (messages.size() > SHOWN ? " (and " + (messages.size() - SHOWN) + " more)" : ""));
    }
}
