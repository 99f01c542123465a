package dev.fieldtest.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code fieldtest:verify}: runs each suite as {@code fieldtest run} would, writing results.jsonl, summary.json,
 * report.md, report.html and junit.xml under {@code outputDirectory/<suite file name>/}; fails the build when a suite
 * property fails (docs/maven.md).
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class VerifyMojo extends AbstractMojo {
    static final String DEFAULT_SUITES = "src/test/fieldtest/*.yaml";

    /** Suite files or globs, relative to the project; default {@code src/test/fieldtest/*.yaml}. */
    @Parameter(property = "fieldtest.suites")
    List<String> suites;

    /** Where each suite's run folder goes; a run folder left by an earlier build is replaced. */
    @Parameter(property = "fieldtest.outputDirectory", defaultValue = "${project.build.directory}/fieldtest", required = true)
    File outputDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File baseDirectory;

    /** Skips the goal, e.g. {@code -Dfieldtest.skip}. */
    @Parameter(property = "fieldtest.skip", defaultValue = "false")
    boolean skip;

    /** Runs per case and target for every suite; overrides the suites' {@code repeat}. */
    @Parameter(property = "fieldtest.repeat")
    Integer repeat;

    /** Calls in flight at once; overrides the suites' {@code concurrency}. */
    @Parameter(property = "fieldtest.concurrency")
    Integer concurrency;

    /** When false, a failing property is logged as a warning and the build goes on. */
    @Parameter(property = "fieldtest.failOnProperties", defaultValue = "true")
    boolean failOnProperties = true;

    /** Run history to record runs in (a DuckDB file relative to the project, or a PostgreSQL URL); none by default. */
    @Parameter(property = "fieldtest.history")
    String history;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("fieldtest: skipped (fieldtest.skip)");
            return;
        }
        List<String> entries = suites == null || suites.isEmpty() ? List.of(DEFAULT_SUITES) : suites;
        Path base = baseDirectory.toPath().toAbsolutePath();
        List<SuiteFiles.Suite> found;
        try {
            found = SuiteFiles.resolve(base, entries);
        } catch (SuiteFiles.Problem e) {
            throw new MojoExecutionException("fieldtest: " + e.getMessage());
        }
        if (found.isEmpty()) {
            getLog().warn("fieldtest: no suite files match " + entries + " under " + base + "; nothing to run");
            return;
        }
        requireAtLeastOne("repeat", repeat);
        requireAtLeastOne("concurrency", concurrency);
        var arguments = new RunArguments(repeat, concurrency, RunArguments.historyAt(base, history));
        Path out = outputDirectory.toPath().toAbsolutePath();
        var runs = new ArrayList<SuiteRun>();
        for (SuiteFiles.Suite suite : found) {
            Path runDir = out.resolve(suite.runName());
            clear(runDir);
            getLog().info("fieldtest: running " + base.relativize(suite.file()) + " → " + runDir);
            runs.add(SuiteRun.execute(suite, runDir, arguments.forSuite(suite.file(), runDir)));
        }
        BuildVerdict.decide(runs, failOnProperties).forEach(getLog()::warn);
    }

    private static void requireAtLeastOne(String name, Integer value) throws MojoExecutionException {
        if (value != null && value < 1) {
            throw new MojoExecutionException("fieldtest: <" + name + "> (or -Dfieldtest." + name + ") must be at least 1, but was " + value);
        }
    }

    /** The CLI never overwrites a run; the previous build's run folder is build output, so it goes. */
    static void clear(Path runDir) throws MojoExecutionException {
        if (!Files.exists(runDir)) return;
        try (Stream<Path> walk = Files.walk(runDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new MojoExecutionException("fieldtest: cannot delete the previous run in " + runDir + ": " + e.getMessage()
                    + "; delete it by hand or run mvn clean", e);
        }
    }
}
