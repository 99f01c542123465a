package dev.fieldtest.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class BuildVerdictTest {
    private static SuiteRun run(String name, int code, String stderr) {
        return new SuiteRun(new SuiteFiles.Suite(Path.of("/p/" + name + ".yaml"), name), Path.of("/p/target/fieldtest/" + name), code, stderr);
    }

    private static final String FAILED = """
            fieldtest smoke: 1 targets × 6 cases × 2 repeats = 12 calls, 2 at a time → /p/target/fieldtest/smoke
            fieldtest: property fail: answers from the right entry on minilm: 0.333333 is below min 0.8
            """;

    @Test
    void passingRunsPassTheBuildWithoutWarnings() throws Exception {
        assertThat(BuildVerdict.decide(List.of(run("a", 0, ""), run("b", 0, "")), true)).isEmpty();
    }

    @Test
    void aFailedPropertyFailsTheBuildNamingThePropertyAndTheReport() {
        assertThatThrownBy(() -> BuildVerdict.decide(List.of(run("a", 0, ""), run("smoke", 1, FAILED)), true))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 suite failed a property gate")
                .hasMessageContaining("/p/smoke.yaml: property fail: answers from the right entry on minilm: 0.333333 is below min 0.8")
                .hasMessageContaining("/p/target/fieldtest/smoke/report.html")
                .hasMessageNotContaining("12 calls");
    }

    @Test
    void withFailOnPropertiesOffTheFailureIsAWarning() throws Exception {
        var warnings = BuildVerdict.decide(List.of(run("smoke", 1, FAILED)), false);

        assertThat(warnings).singleElement().asString()
                .contains("property fail: answers from the right entry")
                .contains("failOnProperties is false");
    }

    @Test
    void badInputIsABuildErrorCarryingTheLocatedProblemsAndBeatsAFailedProperty() {
        String problems = "fieldtest: the suite has 1 problem:\n  /p/bad.yaml:4:1: unknown key 'repet'\n";
        assertThatThrownBy(() -> BuildVerdict.decide(List.of(run("smoke", 1, FAILED), run("bad", 2, problems)), true))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("/p/bad.yaml was not run, bad input")
                .hasMessageContaining("/p/bad.yaml:4:1: unknown key 'repet'");
    }

    @Test
    void anAbortedRunIsABuildErrorEvenWithFailOnPropertiesOff() {
        assertThatThrownBy(() -> BuildVerdict.decide(List.of(run("a", 3, "fieldtest: run aborted: budget")), false))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the run aborted")
                .hasMessageContaining("fieldtest: run aborted: budget");
    }
}
