package dev.fieldtest.scorers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through core's loader: a similar check must not grade an embedded-qa target that answers with the same
 * embedding model, unless the suite says {@code allow_same_model: true}. Loads no model.
 */
class SameModelRefusalTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void knowledgeBase() throws Exception {
        Files.writeString(dir.resolve("kb.jsonl"), "{\"id\": \"reset\", \"question\": \"How do I reset my password?\", \"answer\": \"Use the link.\"}\n");
    }

    static Path suite(String targetModel, String check) throws Exception {
        Path file = dir.resolve("suite-" + System.nanoTime() + ".yaml");
        Files.writeString(file, """
                prompt: "{{question}}"
                cases:
                  - {id: reset, vars: {question: "I forgot my password"}, expected: "Use the link."}
                targets:
                  - id: help
                    type: embedded-qa
                    knowledge_base: kb.jsonl
                %s
                checks:
                  - type: similar
                    value: "{{expected}}"
                %s
                """.formatted(targetModel == null ? "" : "    model: " + targetModel, check));
        return file;
    }

    @Test
    void theDefaultsDifferSoASuiteWithBothResolves() throws Exception {
        try (Components c = Components.resolve(SuiteLoader.load(suite(null, "")), new Env(Map.of()))) {
            assertThat(c.targets()).singleElement().satisfies(t -> assertThat(t.describe()).containsEntry("model", "all-minilm-l6-v2"));
            assertThat(c.checks()).hasSize(1);
        }
    }

    @Test
    void gradingWithTheTargetsOwnModelIsRefusedAtTheCheck() throws Exception {
        Path file = suite("e5-small-v2", "");
        assertThatThrownBy(() -> Components.resolve(SuiteLoader.load(file), new Env(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":10:5: check \"similar\" grades with e5-small-v2, the model target \"help\" answers with. "
                        + "Fix: give the check another `model:`, or set `allow_same_model: true`");
        Path explicit = suite(null, "    model: all-minilm-l6-v2");
        assertThatThrownBy(() -> Components.resolve(SuiteLoader.load(explicit), new Env(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("grades with all-minilm-l6-v2");
    }

    @Test
    void allowSameModelLetsItThrough() throws Exception {
        try (Components c = Components.resolve(SuiteLoader.load(suite("e5-small-v2", "    allow_same_model: true")), new Env(Map.of()))) {
            assertThat(c.checks()).hasSize(1);
        }
    }
}
