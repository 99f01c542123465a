package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.fieldtest.core.config.ConfigNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a located schema tree into a compiled {@link JsonSchema}. The schema is first checked against its
 * draft's meta-schema (2020-12 unless {@code $schema} names another), so a typo such as
 * {@code type: integr} is reported at its own line when the suite loads instead of silently passing or
 * failing every output. Refs are resolved at load too. {@code format} is asserted (an evaluation wants
 * {@code format: email} to mean it) and messages are in English with JSON paths. Internal, not API.
 */
final class SchemaCompiler {
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .locale(Locale.ENGLISH).pathType(PathType.JSON_PATH).formatAssertionsEnabled(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    // Factories and meta-schemas are costly to build and thread-safe to share.
    private static final Map<VersionFlag, JsonSchemaFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final Map<VersionFlag, JsonSchema> META = new ConcurrentHashMap<>();

    private SchemaCompiler() {}

    /** The compiled schema, or null after reporting each problem at its place in the schema. */
    static JsonSchema compile(Settings s, SchemaLoader.Source source) {
        ConfigNode root = source.root();
        JsonNode json = JSON.valueToTree(root.toPlain());
        VersionFlag version = version(s, root, json);
        if (version == null) return null;
        Set<ValidationMessage> wrong = meta(version).validate(json);
        if (!wrong.isEmpty()) {
            Set<String> reported = new HashSet<>(); // one problem per place: the meta-schema often says it twice
            for (ValidationMessage m : wrong) {
                if (reported.add(m.getInstanceLocation().toString())) {
                    s.problem(locate(root, m.getInstanceLocation()), "invalid JSON Schema at "
                            + m.getInstanceLocation() + ": " + Quote.shorten(m.getError(), 120), null);
                }
            }
            return null;
        }
        try {
            JsonSchema schema = factory(version).getSchema(SchemaLocation.of(source.base().toString()), json, CONFIG);
            schema.initializeValidators(); // resolves every $ref now rather than on the first output
            return schema;
        } catch (RuntimeException e) {
            // The library signals unresolvable refs, unreadable ref targets and the like with unchecked exceptions.
            s.problem(root, "cannot compile the JSON Schema: " + Quote.shorten(String.valueOf(e.getMessage()), 160), null);
            return null;
        }
    }

    private static VersionFlag version(Settings s, ConfigNode root, JsonNode json) {
        ConfigNode declared = root.get("$schema").orElse(null);
        if (declared == null) return VersionFlag.V202012;
        Optional<VersionFlag> known = declared.isString()
                ? SpecVersionDetector.detectOptionalVersion(json, false) : Optional.empty();
        if (known.isEmpty()) {
            s.problem(declared, "$schema " + declared.describe() + " is not a JSON Schema draft fieldtest knows",
                    "use https://json-schema.org/draft/2020-12/schema (or leave $schema out), or drafts 2019-09, 07, 06 or 04");
        }
        return known.orElse(null);
    }

    private static JsonSchemaFactory factory(VersionFlag version) {
        return FACTORIES.computeIfAbsent(version, JsonSchemaFactory::getInstance);
    }

    private static JsonSchema meta(VersionFlag version) {
        return META.computeIfAbsent(version, v -> factory(v).getSchema(SchemaLocation.of(v.getId()), CONFIG));
    }

    /** The deepest node of {@code root} along {@code path}; the node itself holds the line to point at. */
    private static ConfigNode locate(ConfigNode root, JsonNodePath path) {
        ConfigNode node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object step = path.getElement(i);
            ConfigNode next = step instanceof Integer index && index < node.items().size()
                    ? node.items().get(index)
                    : node.fields().get(String.valueOf(step));
            if (next == null) break;
            node = next;
        }
        return node;
    }
}
