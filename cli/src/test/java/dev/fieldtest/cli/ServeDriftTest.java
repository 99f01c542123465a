package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.serve.DriftSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --suite and --drift-model: what the /drift page gets, and exit 2 with the fix for a suite that does not load. */
class ServeDriftTest {
    @TempDir Path dir;

    @Test
    void noSuiteMeansNoDriftPageAndNoneMeansDescriptorsOnly() throws Exception {
        assertThat(ServeDrift.source(null, "all-minilm-l6-v2")).isNull();
        Path suite = Files.writeString(dir.resolve("s.yaml"), """
                name: s
                prompt: "{{q}}"
                cases: [{id: a, vars: {q: x}}, {id: b, vars: {q: y}}]
                targets: [{id: t, type: openai, base_url: "http://127.0.0.1:1/v1", model: m}]
                """);
        DriftSource none = ServeDrift.source(suite, "none");
        assertThat(none.embed()).isNull();
        assertThat(none.coverageThreshold()).isEqualTo(0.6);
        DriftSource e5 = ServeDrift.source(suite, "e5-small-v2");
        assertThat(e5.model()).isEqualTo("e5-small-v2");
        assertThat(e5.coverageThreshold()).isEqualTo(0.9); // e5's cosines crowd near 1 (docs/drift.md)
        assertThatThrownBy(() -> ServeDrift.source(suite, "bert")).hasMessageContaining("--drift-model bert is not an embedding model").hasMessageContaining("or none");
    }

    @Test
    void aSuiteThatDoesNotLoadIsExit2NamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: [\n");
        Path db = dir.resolve("h.duckdb");
        try (var h = dev.fieldtest.history.RunHistory.open(db)) {
            h.runs();
        }
        ServeCommand serve = new ServeCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        serve.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        new picocli.CommandLine(serve).parseArgs("--history", db.toString(), "--port", "0", "--suite", bad.toString());
        assertThat(serve.call()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--suite " + bad + " does not load: ").contains("bad.yaml:");
    }
}
