package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Suite.check;
import static dev.fieldtest.scorers.Suite.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.spi.Check;
import org.junit.jupiter.api.Test;

class JsonValidCheckTest {
    private final Check json = check("type: json-valid\n");

    @Test
    void anyOneJsonValuePasses() {
        assertThat(run(json, "{\"city\": \"Paris\", \"population\": 2.1e6}").pass()).isTrue();
        assertThat(run(json, "[1, 2, 3]").pass()).isTrue();
        assertThat(run(json, "\"just a string\"").pass()).isTrue();
        assertThat(run(json, "null").pass()).isTrue();
        assertThat(run(json, "\n  {\"emoji\": \"👍\", \"escaped\": \"\\u00e9\"}\n\n").pass()).isTrue();
    }

    @Test
    void emptyOutputIsNotJson() {
        assertThat(run(json, "").detail()).isEqualTo("the output is empty, not JSON");
        assertThat(run(json, " \n ").detail()).isEqualTo("the output is empty, not JSON");
    }

    @Test
    void textAfterTheValueIsRejected() {
        assertThat(run(json, "{\"a\": 1} Hope this helps!").detail())
                .isEqualTo("text after the JSON value at line 1, column 10: \"Hope this helps!\"");
        assertThat(run(json, "{\"a\": 1}\n{\"b\": 2}").detail())
                .isEqualTo("text after the JSON value at line 2, column 1: \"{\\\"b\\\": 2}\"");
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertThat(run(json, "{\"a\": 1,}").detail())
                .isEqualTo("not valid JSON at line 1, column 9: Unexpected character ('}' (code 125)): was expecting"
                        + " double-quote to start field name in \"{\\\"a\\\": 1,}\"");
        assertThat(run(json, "{'a': 1}").detail()).startsWith("not valid JSON at line 1, column 2: Unexpected character (''' (code 39))");
        assertThat(run(json, "{\"a\": NaN}").detail()).contains("Non-standard token 'NaN'").doesNotContain("enable");
    }

    @Test
    void truncatedJsonSaysItEndedEarly() {
        assertThat(run(json, "{\"answer\": [1, 2").detail())
                .startsWith("not valid JSON at line 1, column 17: Unexpected end-of-input")
                .doesNotContain("REDACTED");
    }

    @Test
    void aMarkdownFenceGetsAHint() {
        assertThat(run(json, "```json\n{\"a\": 1}\n```").detail())
                .endsWith("(the output is in a ``` fence; add extract: '(?s)```(?:json)?\\s*(.*?)```' to take the JSON out)");
    }
}
