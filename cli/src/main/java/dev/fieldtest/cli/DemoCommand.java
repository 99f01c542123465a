package dev.fieldtest.cli;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.testkit.FakeOpenAiServer;
import dev.fieldtest.testkit.RuleResponder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldtest demo}: runs examples/quickstart offline — the stub server plays two candidate models
 * over loopback HTTP — and prints the summary table and where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the quickstart suite offline against the built-in stub server and show every headline number.")
final class DemoCommand implements Callable<Integer> {
    static final Path SUITE = Path.of("examples", "quickstart", "suite.yaml");
    static final Path RULES = Path.of("examples", "quickstart", "stub-rules.yaml");

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: out/demo-<time>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("fieldtest.home", "."));
        Path suite = home.resolve(SUITE);
        if (!Files.isRegularFile(suite)) {
            System.err.println("fieldtest: the demo needs " + suite + "; run it from a fieldtest checkout (./fieldtest demo)");
            return Main.BAD_INPUT;
        }
        Path runDir = out != null ? out : home.resolve("out").resolve("demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try (FakeOpenAiServer stub = FakeOpenAiServer.start(0, RuleResponder.load(home.resolve(RULES)))) {
            System.err.println("fieldtest demo: stub server playing two models at " + stub.baseUrl() + " (rules: " + RULES + ")");
            Env env = Env.system().with(Map.of("FIELDTEST_STUB_URL", stub.baseUrl()));
            int code = new RunDriver(System.out, System.err, false).run(suite, runDir, new RunDriver.Overrides(null, null), env);
            if (code == Main.OK) System.out.println("Report: " + runDir.resolve("report.md"));
            return code;
        }
    }
}
