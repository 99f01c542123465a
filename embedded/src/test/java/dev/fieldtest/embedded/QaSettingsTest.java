package dev.fieldtest.embedded;

import static dev.fieldtest.embedded.Specs.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in embedded-qa settings and knowledge bases, each reported at its file:line:column. Loads no model. */
class QaSettingsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Files.writeString(dir.resolve("kb.jsonl"), "{\"id\": \"a\", \"question\": \"Q?\", \"answer\": \"A.\"}\n");
    }

    @Test
    void aValidSpecBuildsATarget() {
        assertThat(problems("id: help\ntype: embedded-qa\nknowledge_base: kb.jsonl\nmodel: e5-small-v2\nthreshold: -0.2\n"
                + "top_k: 3\ntemperature: 0.7\nseed: -5\npricing: {per_call: 0.0001, per_second: 0.01}\n", dir)).isEmpty();
    }

    @Test
    void settingsProblemsAreReportedAtTheirValues() {
        assertThat(problems("""
                id: help
                type: embedded-qa
                knowledge_base: kb.jsonl
                modle: e5-small-v2
                model: minilm
                threshold: 1.5
                top_k: 0
                temperature: -1
                pricing: {per_cal: 0.01, per_second: -2}
                """, dir)).containsExactlyInAnyOrder(
                "suite.yaml:4:1: unknown key 'modle' in targets[0]. Fix: did you mean 'model'?",
                "suite.yaml:5:8: targets[0].model must be one of all-minilm-l6-v2, e5-small-v2, but was \"minilm\". "
                        + "Fix: use one of the embedding models shipped with fieldtest",
                "suite.yaml:6:12: targets[0].threshold must be a number from -1 to 1, but was 1.5",
                "suite.yaml:7:8: targets[0].top_k must be a whole number from 1 to 1000, but was 0",
                "suite.yaml:8:14: targets[0].temperature must be a number from 0 to 100, but was -1",
                "suite.yaml:9:11: unknown key 'per_cal' in targets[0].pricing. Fix: did you mean 'per_call'?",
                "suite.yaml:9:38: targets[0].pricing.per_second must be a number from 0 to any, but was -2");
    }

    @Test
    void theKnowledgeBaseIsRequiredAndMustExist() {
        assertThat(problems("id: help\ntype: embedded-qa\n", dir)).containsExactly(
                "suite.yaml:1:1: targets[0] needs 'knowledge_base'. Fix: add `knowledge_base: kb.jsonl`, "
                        + "a JSONL file of {id, question, answer, topic} relative to the suite");
        assertThat(problems("id: help\nknowledge_base: missing.jsonl\n", dir)).containsExactly(
                "suite.yaml:2:17: targets[0].knowledge_base names a file that does not exist: " + dir.resolve("missing.jsonl").toAbsolutePath()
                        + ". Fix: check the path; it is relative to the suite file");
    }

    @Test
    void badEntriesAreReportedAtTheirLineAndColumn() throws Exception {
        Path kb = dir.resolve("bad.jsonl");
        Files.writeString(kb, """
                {"id": "a", "question": "Q?", "answer": "A."}
                {"id": "b", "question": "Q?"}
                {"id": "c", "question": 42, "answer": "A."}
                {"id": "a", "question": "Q2?", "answer": "A2."}
                {"id": "e", "question": "Q?", "answer": "A.", "tpoic": "x"}
                ["not", "an", "object"]
                {"id": "f", "question": "  ", "answer": "A."}
                """);
        assertThat(problems("knowledge_base: bad.jsonl\n", dir)).containsExactly(
                kb + ":2:1: this knowledge-base entry has no answer. Fix: add \"answer\": \"...\"",
                kb + ":3:25: question must be a text, but was 42",
                kb + ":5:47: unknown key 'tpoic' in a knowledge-base entry. Fix: the keys are id, question, answer and topic",
                kb + ":6:1: a knowledge-base entry must be a JSON object with id, question and answer, but was a list. "
                        + "Fix: write it as {\"id\": \"reset-password\", \"question\": \"...\", \"answer\": \"...\", \"topic\": \"account\"}",
                kb + ":7:25: question must not be blank. Fix: write the question, or remove the entry",
                kb + ":4:1: knowledge-base id \"a\" is used twice (first at " + kb + ":1:1). Fix: give every entry its own id: answers name it as their source");
    }

    @Test
    void brokenJsonIsReportedWhereItBreaks() throws Exception {
        Path kb = dir.resolve("broken.jsonl");
        Files.writeString(kb, "{\"id\": \"a\", \"question\": \"Q?\", \"answer\": \"A.\"}\n{\"id\": \"b\", \"question\": \"Q?\" \"answer\": \"A.\"}\n");
        assertThat(problems("knowledge_base: broken.jsonl\n", dir)).singleElement().asString()
                .startsWith(kb + ":2:30: not valid JSON: Unexpected character ('\"'").endsWith(". Fix: write one JSON object per line");
    }

    @Test
    void anEmptyKnowledgeBaseIsAProblem() throws Exception {
        Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertThat(problems("knowledge_base: empty.jsonl\n", dir)).containsExactly(
                "suite.yaml:1:17: targets[0].knowledge_base names a knowledge base with no entries: empty.jsonl. "
                        + "Fix: add one JSON object per line: {\"id\": ..., \"question\": ..., \"answer\": ...}");
    }
}
