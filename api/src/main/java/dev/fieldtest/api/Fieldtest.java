package dev.fieldtest.api;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The library's entry points (docs/library.md): build a suite in code or load a suite file, run it in this JVM,
 * read the result. A run does what {@code fieldtest run} does, with the same core and report classes: the same
 * results.jsonl, summary.json, report.md, report.html and junit.xml.
 */
public final class Fieldtest {
    private Fieldtest() {}

    /** A builder for a suite named {@code name}. */
    public static SuiteBuilder suite(String name) {
        return new SuiteBuilder(name);
    }

    /** Reads a suite file (docs/suite.md); an {@link InvalidSuiteException} lists every problem with file:line:column. */
    public static Suite load(Path suiteFile) {
        try {
            return SuiteLoader.load(suiteFile);
        } catch (ConfigException e) {
            throw new InvalidSuiteException(String.valueOf(suiteFile), e.problems().stream().map(Object::toString).toList());
        }
    }

    /** Runs the suite with the process environment for {@code ${NAME}}; the run directory is deleted afterwards. */
    public static RunResult run(Suite suite) {
        return SuiteRun.inTemporaryDirectory(suite, Env.system());
    }

    /** Runs the suite into {@code outDir} (created; must not hold a run), with the process environment for {@code ${NAME}}. */
    public static RunResult run(Suite suite, Path outDir) {
        return run(suite, outDir, Env.system());
    }

    /** Runs the suite into {@code outDir} with {@code environment} as the only source of {@code ${NAME}} values. */
    public static RunResult run(Suite suite, Path outDir, Map<String, String> environment) {
        return run(suite, outDir, new Env(environment));
    }

    static RunResult run(Suite suite, Path outDir, Env env) {
        try {
            return SuiteRun.into(suite, outDir, env);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run to " + outDir + ": " + e.getMessage(), e);
        }
    }
}
