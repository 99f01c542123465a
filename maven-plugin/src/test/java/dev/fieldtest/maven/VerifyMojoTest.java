package dev.fieldtest.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal end to end in process, on inputs that stop before any model is loaded. */
class VerifyMojoTest {
    @TempDir
    Path project;

    private VerifyMojo mojo() {
        var m = new VerifyMojo();
        m.baseDirectory = project.toFile();
        m.outputDirectory = project.resolve("target/fieldtest").toFile();
        return m;
    }

    private Path suite(String relative, String yaml) throws IOException {
        Path p = project.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, yaml);
    }

    @Test
    void skipRunsNothingEvenWhenASuiteIsBroken() throws Exception {
        suite("src/test/fieldtest/broken.yaml", "name: [\n");
        var m = mojo();
        m.skip = true;

        m.execute();

        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void aProjectWithoutSuitesPassesWithNothingWritten() throws Exception {
        mojo().execute();

        assertThat(project.resolve("target")).doesNotExist();
        assertThat(project.resolve(".fieldtest")).doesNotExist();
    }

    @Test
    void anUnknownKeyInTheSuiteIsABuildErrorAtItsLineAndColumn() throws Exception {
        // line 3, column 1: the misspelt key
        Path file = suite("src/test/fieldtest/typo.yaml", """
                name: typo
                prompt: "{{q}}"
                repet: 2
                cases:
                  - {id: a, vars: {q: hi}}
                targets:
                  - {id: t, type: openai, base_url: "http://127.0.0.1:9/v1", model: m}
                """);

        assertThatThrownBy(() -> mojo().execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(file + " was not run, bad input")
                .hasMessageContaining(file + ":3:1");
        assertThat(project.resolve("target/fieldtest/typo/results.jsonl")).doesNotExist();
        assertThat(project.resolve(".fieldtest")).doesNotExist();
    }

    @Test
    void aRepeatBelowOneIsRefusedBeforeAnythingRuns() throws Exception {
        suite("src/test/fieldtest/a.yaml", "name: a\n");
        var m = mojo();
        m.repeat = 0;

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("fieldtest: <repeat> (or -Dfieldtest.repeat) must be at least 1, but was 0");
    }

    @Test
    void aConfiguredSuiteThatDoesNotExistIsABuildError() {
        var m = mojo();
        m.suites = List.of("evals/smoke.yaml");

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(project.resolve("evals/smoke.yaml") + " does not exist");
    }

    @Test
    void thePreviousBuildsRunFolderIsClearedSoTheCliCanWriteANewRun() throws Exception {
        Path old = project.resolve("target/fieldtest/s");
        Files.createDirectories(old.resolve("nested"));
        Files.writeString(old.resolve("results.jsonl"), "{}\n");
        Files.writeString(old.resolve("nested/x"), "x");

        VerifyMojo.clear(old);

        assertThat(old).doesNotExist();
        assertThat(project.resolve("target/fieldtest")).isDirectory();
    }
}
