package dev.fieldtest.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteFilesTest {
    @TempDir
    Path base;

    private Path file(String relative) throws IOException {
        Path p = base.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "name: x\n");
    }

    @Test
    void theDefaultGlobFindsTheYamlFilesDirectlyInSrcTestFieldtestSortedByName() throws Exception {
        Path b = file("src/test/fieldtest/b.yaml");
        Path a = file("src/test/fieldtest/a.yaml");
        file("src/test/fieldtest/cases.jsonl");
        file("src/test/fieldtest/nested/c.yaml");
        file("target/fieldtest/old.yaml");

        var suites = SuiteFiles.resolve(base, List.of(VerifyMojo.DEFAULT_SUITES));

        assertThat(suites).containsExactly(new SuiteFiles.Suite(a, "a"), new SuiteFiles.Suite(b, "b"));
    }

    @Test
    void doubleStarReachesNestedFoldersAndAFileNamedTwiceRunsOnce() throws Exception {
        Path top = file("evals/top.yml");
        Path deep = file("evals/x/y/deep.yaml");

        var suites = SuiteFiles.resolve(base, List.of("evals/**.y*ml", "evals/top.yml"));

        assertThat(suites).extracting(SuiteFiles.Suite::file).containsExactly(top, deep);
        assertThat(suites).extracting(SuiteFiles.Suite::runName).containsExactly("top", "deep");
    }

    @Test
    void aGlobThatMatchesNothingGivesNoSuitesWhileAMissingPlainPathIsAnError() throws Exception {
        assertThat(SuiteFiles.resolve(base, List.of("src/test/fieldtest/*.yaml"))).isEmpty();

        assertThatThrownBy(() -> SuiteFiles.resolve(base, List.of("evals/missing.yaml")))
                .isInstanceOf(SuiteFiles.Problem.class)
                .hasMessageContaining(base.resolve("evals/missing.yaml").toString())
                .hasMessageContaining("<suites> entry \"evals/missing.yaml\"");
    }

    @Test
    void twoSuitesThatWouldShareARunFolderAreRefused() throws Exception {
        file("one/smoke.yaml");
        file("two/smoke.yml");

        assertThatThrownBy(() -> SuiteFiles.resolve(base, List.of("one/smoke.yaml", "two/*.yml")))
                .isInstanceOf(SuiteFiles.Problem.class)
                .hasMessageContaining("run folder \"smoke\"");
    }

    @Test
    void theRunFolderIsTheFileNameWithoutItsYamlExtension() {
        assertThat(SuiteFiles.runName(Path.of("a/help-centre.yaml"))).isEqualTo("help-centre");
        assertThat(SuiteFiles.runName(Path.of("a/Smoke.YML"))).isEqualTo("Smoke");
        assertThat(SuiteFiles.runName(Path.of("a/suite.v2.yaml"))).isEqualTo("suite.v2");
        assertThat(SuiteFiles.runName(Path.of("a/notes.txt"))).isEqualTo("notes.txt");
    }
}
