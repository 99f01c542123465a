package dev.fieldtest.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns the runs' exit codes into the build's outcome, as {@code fieldtest run} does for a shell: bad input (2) and an
 * aborted run (3) are errors in the build (MojoExecutionException); a failing or missing property (1) fails the build
 * (MojoFailureException) unless failOnProperties is off; 0 passes.
 */
final class BuildVerdict {
    private BuildVerdict() {}

    /** Returns the warnings to log when the build passes; throws when it does not. */
    static List<String> decide(List<SuiteRun> runs, boolean failOnProperties) throws MojoExecutionException, MojoFailureException {
        var errors = new ArrayList<String>();
        var failures = new ArrayList<String>();
        for (SuiteRun run : runs) {
            String file = run.suite().file().toString();
            switch (run.exitCode()) {
                case SuiteRun.OK -> { }
                case SuiteRun.PROPERTY_FAILED -> failures.add(file + ": " + String.join("; ", run.propertyLines())
                        + " (report: " + run.runDir().resolve("report.html") + ")");
                case SuiteRun.BAD_INPUT -> errors.add(file + " was not run, bad input:\n" + run.stderr().strip()
                        + "\n(see docs/suite.md)");
                case SuiteRun.ABORTED -> errors.add(file + ": the run aborted; what completed is summarised in " + run.runDir()
                        + "\n" + run.stderr().strip());
                default -> errors.add(file + ": fieldtest run ended with unexpected exit code " + run.exitCode() + "\n" + run.stderr().strip());
            }
        }
        if (!errors.isEmpty()) throw new MojoExecutionException("fieldtest: " + String.join("\n", errors));
        if (failures.isEmpty()) return List.of();
        String message = "fieldtest: " + failures.size() + " suite" + (failures.size() == 1 ? "" : "s") + " failed a property gate:\n"
                + String.join("\n", failures);
        if (failOnProperties) throw new MojoFailureException(message);
        return List.of(message + "\n(failOnProperties is false, so the build goes on)");
    }
}
