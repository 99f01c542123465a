package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsTest {
    @TempDir Path dir;

    @Test
    void buildsTargetsAndChecksFromTheFactoriesOnTheClassPath() throws IOException {
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                prompt: "{{q}}"
                cases: [{id: a, vars: {q: hello}, expected: he}]
                targets: [{id: e, type: echo}]
                checks: [{type: starts-with, value: "{{expected}}", extract: "h(.*)"}]
                """);
        try (Components c = Components.resolve(SuiteLoader.load(suite), new Env(Map.of()))) {
            assertThat(c.targets()).extracting(t -> t.id()).containsExactly("e");
            assertThat(c.checks()).singleElement().satisfies(b -> assertThat(b.extract().pattern()).isEqualTo("h(.*)"));
        }
    }

    @Test
    void reportsUnknownTypesAndPlaceholdersNoCaseFills() throws IOException {
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                prompt: "{{q}} {{context}}"
                cases:
                  - {id: a, vars: {q: hello}}
                  - {id: b, vars: {q: hi, context: x}}
                targets: [{id: e, type: ecko}]
                checks: [{type: starts-with, value: "{{expected}}"}, {type: nope}]
                """);
        assertThatThrownBy(() -> Components.resolve(SuiteLoader.load(suite), new Env(Map.of())))
                .hasMessageContaining("s.yaml:5:25: unknown target type \"ecko\". Fix: did you mean \"echo\"?")
                .hasMessageContaining("unknown check type \"nope\". Fix: known types: starts-with")
                .hasMessageContaining("s.yaml:3:5: case \"a\" has no variable \"context\", which the template at " + suite + ":1:9 uses")
                .hasMessageContaining("s.yaml:3:5: case \"a\" has no expected value")
                .hasMessageContaining("s.yaml:4:5: case \"b\" has no expected value");
    }

    @Test
    void refusesACheckThatGradesWithTheModelATargetAnswersWith() throws IOException {
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                prompt: hi
                cases: [{id: a}]
                targets: [{id: e, type: echo}]
                checks:
                  - {type: starts-with, model: other-model}
                  - {type: starts-with, name: self, model: echo-model}
                """);
        assertThatThrownBy(() -> Components.resolve(SuiteLoader.load(suite), new Env(Map.of())))
                .hasMessageContaining("s.yaml:6:5: check \"self\" grades with echo-model, the model target \"e\" answers with")
                .hasMessageNotContaining("other-model");
    }
}
