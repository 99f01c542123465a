package dev.fieldtest.cli;

import dev.fieldtest.core.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fieldtest demo}: runs examples/support-desk offline — two retrieval assistants on real embedding
 * models, in process, no API key and no network — and prints the summary table and where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the support-desk suite offline on real local models and show every headline number.")
final class DemoCommand implements Callable<Integer> {
    static final Path SUITE = Path.of("examples", "support-desk", "suite.yaml");

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
        int code = new RunDriver(System.out, System.err, false).run(suite, runDir, new RunDriver.Overrides(null, null), Env.system());
        if (code == Main.OK) System.out.println("Report: " + runDir.resolve("report.md") + " (open " + runDir.resolve("report.html") + " in a browser for charts and every call)");
        return code;
    }
}
