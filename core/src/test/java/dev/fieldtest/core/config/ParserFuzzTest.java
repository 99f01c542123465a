package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes the suite and dataset parsers through {@link SuiteLoader#load}, the CLI's entry: any bytes either load or
 * fail with a {@link ConfigException} located in the file read, never another exception and never a hang.
 * Tries: 200 a property by default; {@code -Djqwik.tries.default=100000} for a long run (docs/RELIABILITY.md).
 */
class ParserFuzzTest {
    private static final String DATASET_SUITE = "prompt: \"Q: {{message}}\"\ndataset: %s\ntargets:\n  - {id: a, type: openai}\n";
    private static final Path DIR = FuzzFiles.tempDir();

    @Property
    void anyBytesAsASuiteLoadOrFailAtALineOfTheFile(@ForAll @Size(max = 2048) byte[] bytes) {
        FuzzFiles.write(DIR.resolve("data.jsonl"), FuzzFiles.seed("data.jsonl"));
        LoadOutcome.of(write("suite.yaml", bytes), DIR.resolve("data.jsonl")).assertLocated();
    }

    @Property
    void yamlLikeTextAsASuiteLoadsOrFailsAtALineOfTheFile(@ForAll("yamlLike") String text) {
        FuzzFiles.write(DIR.resolve("data.jsonl"), FuzzFiles.seed("data.jsonl"));
        LoadOutcome.of(write("suite.yaml", text.getBytes(StandardCharsets.UTF_8)), DIR.resolve("data.jsonl")).assertLocated();
    }

    @Property
    void mutatedValidSuitesLoadOrFailAtALineOfTheFile(@ForAll("seedSuite") String seed, @ForAll("mutations") List<Mutation> mutations) {
        FuzzFiles.write(DIR.resolve("data.jsonl"), FuzzFiles.seed("data.jsonl"));
        byte[] bytes = Mutation.applyAll(FuzzFiles.seed(seed), mutations);
        LoadOutcome.of(write("suite.yaml", bytes), DIR.resolve("data.jsonl")).assertLocated();
    }

    @Property
    void anyBytesAsAJsonlDatasetLoadOrFailAtALineOfTheDataset(@ForAll @Size(max = 2048) byte[] bytes) {
        assertDatasetLocated("data.jsonl", bytes);
    }

    @Property
    void mutatedJsonlDatasetsLoadOrFailAtALineOfTheDataset(@ForAll("mutations") List<Mutation> mutations) {
        assertDatasetLocated("data.jsonl", Mutation.applyAll(FuzzFiles.seed("data.jsonl"), mutations));
    }

    @Property
    void anyBytesAsACsvDatasetLoadOrFailAtALineOfTheDataset(@ForAll @Size(max = 2048) byte[] bytes) {
        assertDatasetLocated("data.csv", bytes);
    }

    @Property
    void mutatedCsvDatasetsLoadOrFailAtALineOfTheDataset(@ForAll("mutations") List<Mutation> mutations) {
        assertDatasetLocated("data.csv", Mutation.applyAll(FuzzFiles.seed("data.csv"), mutations));
    }

    private static void assertDatasetLocated(String name, byte[] bytes) {
        Path dataset = write(name, bytes);
        Path suite = write("suite.yaml", DATASET_SUITE.formatted(name).getBytes(StandardCharsets.UTF_8));
        LoadOutcome.of(suite, dataset).assertLocated();
    }

    @Provide
    Arbitrary<String> seedSuite() {
        return Arbitraries.of("suite-messages.yaml", "suite-robustness.yaml");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.arbitrary().list().ofMinSize(1).ofMaxSize(6);
    }

    /** Text from YAML's structural characters, indentation and a few words, to reach deeper than random bytes. */
    @Provide
    Arbitrary<String> yamlLike() {
        Arbitrary<String> token = Arbitraries.of("\n", "  ", "- ", ": ", "{", "}", "[", "]", ",", "'", "\"", "#", "&a ", "*a",
                "!!str ", "|\n", ">\n", "? ", "---\n", "...\n", "\t", "\\", "prompt", "targets", "cases", "id", "type",
                "vars", "messages", "role", "content", "dataset", "repeat", "x", "1", "-1", "0.5", "null", "true", "é", "\uFEFF", "\r");
        return token.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    private static Path write(String name, byte[] bytes) {
        Path p = DIR.resolve(name);
        FuzzFiles.write(p, bytes);
        return p;
    }

    /** Files for the fuzz runs: seeds from src/test/resources/fuzz and one scratch folder removed at exit. */
    static final class FuzzFiles {
        private FuzzFiles() {}

        static Path tempDir() {
            try {
                Path dir = Files.createTempDirectory("fieldtest-fuzz");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static byte[] seed(String name) {
            try (var in = ParserFuzzTest.class.getResourceAsStream("/fuzz/" + name)) {
                assertThat(in).as("seed " + name).isNotNull();
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void write(Path p, byte[] bytes) {
            try {
                Files.write(p, bytes);
                p.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
