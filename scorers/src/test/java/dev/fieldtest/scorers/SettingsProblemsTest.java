package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mistakes in a check's settings, each reported at the offending value as suite.yaml:line:column. */
class SettingsProblemsTest {

    @Test
    void anUnknownKeySuggestsTheNearestOne() {
        assertThat(problems("type: equals\nvalue: Paris\nignore_cse: true\n")).containsExactly(
                "suite.yaml:3:1: unknown key 'ignore_cse' in checks[0]. Fix: did you mean 'ignore_case'?");
    }

    @Test
    void aMissingValueIsReportedAtTheCheck() {
        assertThat(problems("name: capital\ntype: contains\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'value'. Fix: add value: with a text, or a list of texts, the output must contain");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problems("type: equals\nignore_case: sometimes\ncolour: red\n")).containsExactlyInAnyOrder(
                "suite.yaml:1:1: checks[0] needs 'value'. Fix: add value: with the exact answer, such as \"{{expected}}\"",
                "suite.yaml:2:14: checks[0].ignore_case must be true or false, but was \"sometimes\"",
                "suite.yaml:3:1: unknown key 'colour' in checks[0]. Fix: allowed keys are extract, ignore_case, name, type, value");
    }

    @Test
    void wrongTypesAreReportedAtTheValue() {
        assertThat(problems("type: equals\nvalue: {text: Paris}\n")).containsExactly(
                "suite.yaml:2:8: checks[0].value must be a text, but was a map");
        assertThat(problems("type: contains\nvalue:\n  - refund\n  - [nested]\n")).containsExactly(
                "suite.yaml:4:5: checks[0].value[1] must be a text, but was a list");
        assertThat(problems("type: contains\nvalue: [refund, \"\"]\n")).containsExactly(
                "suite.yaml:2:17: value is an empty text, which every output contains. Fix: remove it, or write the text to look for");
        assertThat(problems("type: not-contains\nvalue: []\n")).containsExactly(
                "suite.yaml:2:8: checks[0].value must list at least one text, but the list is empty");
    }

    @Test
    void aBadRegexIsReportedAtThePattern() {
        assertThat(problems("type: regex\npattern: '(unclosed'\n")).singleElement().asString()
                .startsWith("suite.yaml:2:10: checks[0].pattern is not a valid regular expression: Unclosed group");
        assertThat(problems("type: regex\npattern: a\nvalue: b\n")).containsExactly(
                "suite.yaml:3:8: give the regular expression in pattern or in value, not both. Fix: remove value");
        assertThat(problems("type: regex\n")).singleElement().asString().startsWith("suite.yaml:1:1: checks[0] needs 'pattern'");
    }

    @Test
    void maxLengthNeedsAWholeNumberAndAKnownUnit() {
        assertThat(problems("type: max-length\nvalue: -1\nunit: tokens\n")).containsExactly(
                "suite.yaml:2:8: checks[0].value must be a whole number from 0 to 2147483647, but was -1",
                "suite.yaml:3:7: checks[0].unit must be chars or words, but was \"tokens\". Fix: use unit: chars or unit: words");
        assertThat(problems("type: max-length\nvalue: \"500\"\n")).containsExactly(
                "suite.yaml:2:8: checks[0].value must be a whole number from 0 to 2147483647, but was \"500\"");
    }

    @Test
    void jsonSchemaNeedsExactlyOneSource() {
        assertThat(problems("type: json-schema\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'schema' or 'schema_file'."
                        + " Fix: add schema: with a JSON Schema, or schema_file: with the path to one");
        assertThat(problems("type: json-schema\nschema: {type: object}\nschema_file: person.json\n")).containsExactly(
                "suite.yaml:3:14: give the schema inline in schema or in schema_file, not both. Fix: remove one of them");
        assertThat(problems("type: json-schema\nschema: object\n")).singleElement().asString()
                .startsWith("suite.yaml:2:9: checks[0].schema must be a map (a JSON Schema), but was \"object\"");
    }

    @Test
    void aCheckWithoutSettingsAcceptsOnlyTheCommonKeys() {
        assertThat(problems("type: json-valid\nschema: {}\n")).containsExactly(
                "suite.yaml:2:1: unknown key 'schema' in checks[0]. Fix: allowed keys are extract, name, type");
    }
}
