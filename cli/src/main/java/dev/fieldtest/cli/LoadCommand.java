package dev.fieldtest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fieldtest load SUITE --out DIR}: the suite's load profile against its targets (docs/load.md). */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load-test a suite's targets: writes DIR/requests.jsonl, DIR/load.json, DIR/report.md, DIR/load.svg "
                + "and DIR/histograms/. Options beat the suite's load: section.")
final class LoadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUITE", description = "The suite file (YAML) with a load: section, see docs/load.md.")
    Path suite;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory to create; must not hold a run already.")
    Path out;

    @Option(names = "--profile", paramLabel = "P", description = "closed, constant, poisson, gamma, spike or sweep.")
    String profile;

    @Option(names = "--rates", split = ",", paramLabel = "RPS", description = "Offered rates, one step each (e.g. 5,10,20).")
    List<Double> rates;

    @Option(names = "--users", split = ",", paramLabel = "N", description = "Virtual users of closed-loop steps (e.g. 1,4,16).")
    List<Long> users;

    @Option(names = "--duration", paramLabel = "D", description = "Each step's length, warm-up and cool-down included (e.g. 30s).")
    String duration;

    @Option(names = "--warm-up", paramLabel = "D", description = "Start of each step sent but not measured (e.g. 5s).")
    String warmUp;

    @Option(names = "--cool-down", paramLabel = "D", description = "End of each step sent but not measured (e.g. 2s).")
    String coolDown;

    @Option(names = "--target", split = ",", paramLabel = "ID", description = "Load only these targets (default: all).")
    List<String> targets;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    HistoryOptions history = new HistoryOptions();

    @Override
    public Integer call() throws Exception {
        var overrides = new java.util.LinkedHashMap<String, Object>();
        if (profile != null) overrides.put("profile", profile);
        if (rates != null) overrides.put("rates", rates);
        if (users != null) overrides.put("users", users);
        if (duration != null) overrides.put("duration", duration);
        if (warmUp != null) overrides.put("warm_up", warmUp);
        if (coolDown != null) overrides.put("cool_down", coolDown);
        if (targets != null) overrides.put("targets", targets);
        return new LoadDriver(System.out, System.err, quiet).recordingTo(history.store()).run(suite, out, overrides, dev.fieldtest.core.config.Env.system());
    }
}
