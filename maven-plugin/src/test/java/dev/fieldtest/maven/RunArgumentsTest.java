package dev.fieldtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {
    private final Path suite = Path.of("/p/src/test/fieldtest/s.yaml");
    private final Path out = Path.of("/p/target/fieldtest/s");

    @Test
    void withNothingConfiguredTheRunKeepsTheSuitesValuesAndRecordsNoHistory() {
        assertThat(new RunArguments(null, null, null).forSuite(suite, out))
                .containsExactly("run", "/p/src/test/fieldtest/s.yaml", "--out", "/p/target/fieldtest/s", "--no-history");
    }

    @Test
    void repeatConcurrencyAndHistoryBecomeTheCliOptions() {
        assertThat(new RunArguments(5, 3, "/p/.fieldtest/history.duckdb").forSuite(suite, out))
                .containsExactly("run", "/p/src/test/fieldtest/s.yaml", "--out", "/p/target/fieldtest/s",
                        "--repeat", "5", "--concurrency", "3", "--history", "/p/.fieldtest/history.duckdb");
    }

    @Test
    void aHistoryFileIsRelativeToTheProjectAndAUrlIsKeptAsWritten() {
        assertThat(RunArguments.historyAt(Path.of("/p"), " build/history.duckdb ")).isEqualTo("/p/build/history.duckdb");
        assertThat(RunArguments.historyAt(Path.of("/p"), "postgresql://ci@db:5432/evals")).isEqualTo("postgresql://ci@db:5432/evals");
        assertThat(RunArguments.historyAt(Path.of("/p"), "  ")).isNull();
        assertThat(RunArguments.historyAt(Path.of("/p"), null)).isNull();
    }
}
