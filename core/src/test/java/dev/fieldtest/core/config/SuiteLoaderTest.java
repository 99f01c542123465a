package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void readsAPromptSuiteWithADatasetAndDefaults() throws IOException {
        write("cases.jsonl", """
                {"id": "c1", "vars": {"q": "capital of France?"}, "expected": "Paris", "tags": ["geo"]}

                {"id": 2, "vars": {"q": "2+2?", "n": [1, 2]}, "expected": 4, "tags": "math"}
                """);
        Path suite = write("suite.yaml", """
                name: capitals
                prompt: "Answer briefly: {{q}}"
                dataset: cases.jsonl
                targets:
                  - {id: a, type: openai, base_url: "http://127.0.0.1:1/v1", model: m}
                checks:
                  - {type: icontains, value: "{{expected}}"}
                """);
        Suite s = SuiteLoader.load(suite);
        assertThat(s.name()).isEqualTo("capitals");
        assertThat(s.repeat()).isEqualTo(Defaults.REPEAT);
        assertThat(s.concurrency()).isEqualTo(Defaults.CONCURRENCY);
        assertThat(s.cases()).extracting(c -> c.id()).containsExactly("c1", "2");
        assertThat(s.cases().get(1).expected()).isEqualTo("4");
        assertThat(s.cases().get(1).tags()).containsExactly("math");
        assertThat(s.cases().get(1).location().line()).isEqualTo(3);
        assertThat(s.messages()).singleElement().satisfies(m -> assertThat(m.role()).isEqualTo("user"));
        assertThat(s.source().sha256()).hasSize(64);
        assertThat(s.dataset().sha256()).isEqualTo(Hashing.sha256(dir.resolve("cases.jsonl")));
        assertThat(s.targets()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("openai"));
    }

    @Test
    void readsCsvDatasetsWithTagsAndOtherColumnsAsVars() throws IOException {
        write("cases.csv", "id,question,expected,tags\nq1,\"Hello, world\",hi,greeting|short\nq2,Bye,bye,\n");
        Path suite = write("suite.yaml", """
                messages:
                  - {role: system, content: "Be brief."}
                  - {role: user, content: "{{question}}"}
                dataset: cases.csv
                targets: [{id: a, type: openai}]
                """);
        Suite s = SuiteLoader.load(suite);
        assertThat(s.cases().get(0).vars()).containsEntry("question", "Hello, world");
        assertThat(s.cases().get(0).tags()).containsExactly("greeting", "short");
        assertThat(s.cases().get(1).tags()).isEmpty();
        assertThat(s.messages()).extracting(Suite.MessageTemplate::role).containsExactly("system", "user");
    }

    @Test
    void gathersEveryProblemWithItsLineAndColumn() throws IOException {
        Path suite = write("suite.yaml", """
                prompt: "{{q}}"
                repet: 3
                concurrency: -1
                cases:
                  - {id: a, vars: {q: x}}
                  - {id: a, vars: {q: y}}
                targets:
                  - {id: t1, type: openai}
                  - {id: t1}
                checks:
                  - {type: regex, pattern: x, extract: "(unclosed"}
                """);
        assertThatThrownBy(() -> SuiteLoader.load(suite))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("suite.yaml:2:1: unknown key 'repet' in the top level. Fix: did you mean 'repeat'?")
                .hasMessageContaining("suite.yaml:3:14: concurrency must be a whole number from 1 to 10000, but was -1")
                .hasMessageContaining("suite.yaml:6:5: case id \"a\" is used twice (first at " + suite + ":5:5)")
                .hasMessageContaining("suite.yaml:9:5: targets[1] needs 'type'")
                .hasMessageContaining("suite.yaml:9:5: target id \"t1\" is used twice")
                .hasMessageContaining("suite.yaml:11:40: checks[0].extract is not a valid regular expression");
    }

    @Test
    void pointsAtTheBrokenLineOfAJsonlDataset() throws IOException {
        write("cases.jsonl", "{\"id\": \"a\", \"vars\": {}}\n{\"id\": \"b\", \"vars\": {\"q\": 1,}}\n");
        Path suite = write("suite.yaml", "prompt: hi\ndataset: cases.jsonl\ntargets: [{id: a, type: openai}]\n");
        assertThatThrownBy(() -> SuiteLoader.load(suite))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cases.jsonl:2:29: not valid JSON");
    }

    @Test
    void rejectsBrokenYamlAtItsPosition() throws IOException {
        Path suite = write("suite.yaml", "prompt: hi\ntargets: [{id: a\n");
        assertThatThrownBy(() -> SuiteLoader.load(suite))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("(?s).*suite.yaml:3:1: not valid YAML.*");
    }

    @Test
    void explainsAMissingFileAndAMissingDataset() throws IOException {
        assertThatThrownBy(() -> SuiteLoader.load(dir.resolve("nope.yaml"))).hasMessageContaining("suite file not found");
        Path suite = write("suite.yaml", "prompt: hi\ndataset: missing.jsonl\ntargets: [{id: a, type: openai}]\n");
        assertThatThrownBy(() -> SuiteLoader.load(suite)).hasMessageContaining("suite.yaml:2:10: dataset file not found: ").hasMessageContaining("missing.jsonl");
    }

    @Test
    void needsExactlyOneOfPromptAndMessages() throws IOException {
        Path suite = write("suite.yaml", "cases: [{id: a}]\ntargets: [{id: a, type: openai}]\n");
        assertThatThrownBy(() -> SuiteLoader.load(suite)).hasMessageContaining("suite.yaml:1:1: the suite has neither prompt nor messages");
    }
}
