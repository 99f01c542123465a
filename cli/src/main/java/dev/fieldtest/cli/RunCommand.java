package dev.fieldtest.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldtest run SUITE --out DIR}: every target on every case, k times; results, summary, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a suite: writes DIR/results.jsonl, DIR/summary.json, DIR/report.md, DIR/report.html and DIR/junit.xml.",
                "fieldtest run --resume DIR [SUITE]: finish a run that was killed, making only the calls missing from DIR/results.jsonl.",
                "Exit 0 done (a run a budget stopped is done, status partial), 1 a property failed, 2 bad input (nothing written), 3 aborted."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "The suite file (YAML), see docs/suite.md; with --resume, defaults to the one DIR/run.json names.")
    Path suite;

    @Option(names = "--out", paramLabel = "DIR", description = "The run directory to create; must not hold a run already.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the unfinished run in DIR (killed or Ctrl-C'd); refused if the suite changed. See docs/cli.md.")
    Path resume;

    @Option(names = "--repeat", paramLabel = "K", description = "Runs per case and target; overrides the suite's repeat.")
    Integer repeat;

    @Option(names = "--concurrency", paramLabel = "N", description = "Calls in flight at once; overrides the suite's concurrency.")
    Integer concurrency;

    // A flag and a separate directory option: an optional value on --cache would swallow a SUITE written after it.
    @Option(names = "--cache", description = {"Answer a request made before (same target settings, messages and repeat index) from the response cache,",
            "and store new successful answers there (in " + dev.fieldtest.core.config.Defaults.CACHE_DIR + " unless --cache-dir says). See docs/cache.md."})
    boolean cacheOn;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The response cache's folder; implies --cache.")
    Path cacheDir;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    /** The cache folder, or null when the cache is off. */
    Path cache() {
        return cacheDir != null ? cacheDir : cacheOn ? Path.of(dev.fieldtest.core.config.Defaults.CACHE_DIR) : null;
    }

    @Override
    public Integer call() throws Exception {
        if ((out == null) == (resume == null) || (resume == null && suite == null)) {
            System.err.println("fieldtest run: give SUITE --out DIR for a new run, or --resume DIR [SUITE] to finish one; see fieldtest run --help");
            return Main.BAD_INPUT;
        }
        if (resume != null) {
            return new RunDriver(System.out, System.err, quiet).recordingTo(history.store()).cachingIn(cache()).resume(suite, resume, new RunDriver.Overrides(repeat, concurrency), dev.fieldtest.core.config.Env.system());
        }
        return new RunDriver(System.out, System.err, quiet).recordingTo(history.store()).cachingIn(cache()).run(suite, out, new RunDriver.Overrides(repeat, concurrency), dev.fieldtest.core.config.Env.system());
    }
}
