package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.problems;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.spi.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSchemaCheckTest {
    private static final String PERSON = """
            type: json-schema
            schema:
              type: object
              required: [name, address]
              properties:
                name: {type: string}
                age: {type: integer, minimum: 0}
                address:
                  type: object
                  required: [city]
                  properties:
                    city: {type: string}
            """;

    private final Check person = check(PERSON);

    @Test
    void passesWhenTheOutputMatchesTheSchema() {
        assertThat(run(person, "{\"name\": \"Ana\", \"age\": 31, \"address\": {\"city\": \"Porto\"}}").pass()).isTrue();
    }

    @Test
    void failureNamesEachViolationWithItsPath() {
        assertThat(run(person, "{\"name\": \"Ana\", \"age\": \"31\", \"address\": {}}").detail())
                .isEqualTo("$.age: string found, integer expected; $.address: required property 'city' not found");
    }

    @Test
    void onlyTheFirstFewViolationsAreSpelledOut() {
        Check check = check("""
                type: json-schema
                schema:
                  type: array
                  items: {type: integer}
                """);
        assertThat(run(check, "[\"a\", \"b\", \"c\", \"d\", \"e\"]").detail())
                .isEqualTo("$[0]: string found, integer expected; $[1]: string found, integer expected;"
                        + " $[2]: string found, integer expected (and 2 more)");
    }

    @Test
    void outputThatIsNotJsonFailsLikeJsonValid() {
        assertThat(run(person, "{\"name\": \"Ana\"} trailing").detail())
                .isEqualTo("text after the JSON value at line 1, column 17: \"trailing\"");
        assertThat(run(person, "").detail()).isEqualTo("the output is empty, not JSON");
    }

    @Test
    void formatIsAsserted() {
        Check check = check("type: json-schema\nschema: {properties: {email: {type: string, format: email}}}\n");
        assertThat(run(check, "{\"email\": \"ana@example.com\"}").pass()).isTrue();
        assertThat(run(check, "{\"email\": \"not an address\"}").pass()).isFalse();
    }

    @Test
    void propertyNamesFromTheOutputAreQuotedSafely() {
        Check check = check("type: json-schema\nschema: {type: object, additionalProperties: false}\n");
        String detail = run(check, "{\"" + "x".repeat(200) + "\\n\": 1}").detail();
        assertThat(detail).hasSizeLessThan(110).doesNotContain("\n").endsWith("…");
    }

    @Test
    void aSchemaFileMayBeYamlAndResolvesRefsNextToIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("defs.json"), "{\"$defs\": {\"city\": {\"type\": \"string\", \"minLength\": 2}}}");
        Files.writeString(dir.resolve("answer.yaml"), """
                type: object
                required: [city]
                properties:
                  city: {$ref: "defs.json#/$defs/city"}
                """);
        Check check = check("type: json-schema\nschema_file: answer.yaml\n", dir);
        assertThat(run(check, "{\"city\": \"Paris\"}").pass()).isTrue();
        assertThat(run(check, "{\"city\": \"P\"}").detail()).isEqualTo("$.city: must be at least 2 characters long");
    }

    @Test
    void anOlderDraftIsUsedWhenTheSchemaSaysSo(@TempDir Path dir) throws IOException {
        // Draft 4 spells an exclusive bound as a boolean beside maximum; 2020-12 would reject this schema.
        Files.writeString(dir.resolve("score.json"), """
                {"$schema": "http://json-schema.org/draft-04/schema#",
                 "type": "number", "maximum": 10, "exclusiveMaximum": true}
                """);
        Check check = check("type: json-schema\nschema_file: score.json\n", dir);
        assertThat(run(check, "9.5").pass()).isTrue();
        assertThat(run(check, "10").pass()).isFalse();
    }

    @Test
    void aMissingSchemaFileIsReportedAtTheSetting(@TempDir Path dir) {
        assertThat(problems("type: json-schema\nschema_file: nowhere.json\n", dir)).singleElement().asString()
                .startsWith("suite.yaml:2:14: schema_file \"nowhere.json\" not found (looked for " + dir.resolve("nowhere.json"));
    }

    @Test
    void aBrokenSchemaFileIsReportedInsideIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\n  \"type\": \"object\",\n  \"properties\": {,}\n}");
        assertThat(problems("type: json-schema\nschema_file: broken.json\n", dir)).singleElement().asString()
                .startsWith(dir.resolve("broken.json") + ":3:18: schema_file is not valid JSON: Unexpected character (',' ");
    }

    @Test
    void anInvalidSchemaIsReportedAtTheBadKeyword() {
        assertThat(problems("""
                type: json-schema
                schema:
                  type: object
                  properties:
                    age: {type: integr}
                    tags: {type: array, minItems: -1}
                """)).containsExactly(
                "suite.yaml:5:17: invalid JSON Schema at $.properties.age.type: does not have a value in the enumeration"
                        + " [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]",
                "suite.yaml:6:35: invalid JSON Schema at $.properties.tags.minItems: must have a minimum value of 0");
    }

    @Test
    void anUnresolvableRefIsReportedWhenTheSuiteLoads() {
        assertThat(problems("type: json-schema\nschema: {$ref: \"#/$defs/missing\"}\n")).singleElement().asString()
                .startsWith("suite.yaml:2:9: cannot compile the JSON Schema: ").contains("/$defs/missing");
    }

    @Test
    void anUnknownDraftIsReportedAtSchemaKeyword() {
        assertThat(problems("type: json-schema\nschema:\n  $schema: https://example.com/my-draft\n")).singleElement().asString()
                .startsWith("suite.yaml:3:12: $schema \"https://example.com/my-draft\" is not a JSON Schema draft fieldtest knows");
    }
}
