package dev.fieldtest.api;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.Components;
import dev.fieldtest.core.run.Evaluation;
import dev.fieldtest.core.spi.Reporter;
import dev.fieldtest.report.HtmlReporter;
import dev.fieldtest.report.JunitReporter;
import dev.fieldtest.report.MarkdownReporter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The run pipeline {@code fieldtest run} and {@link Fieldtest#run} share: core's {@link Evaluation} writing
 * results.jsonl and summary.json, then report.md, report.html and junit.xml; and the run ids both give.
 */
public final class RunPipeline {
    private RunPipeline() {}

    /** The reports every run writes after summary.json, in this order. */
    public static List<Reporter> reporters() {
        return List.of(new MarkdownReporter(), new HtmlReporter(), new JunitReporter());
    }

    /** An evaluation of {@code suite} into {@code runDir} with {@link #reporters()}; one run per instance. */
    public static Evaluation evaluation(Suite suite, Components components, Path runDir) {
        return new Evaluation(suite, components, runDir, reporters());
    }

    /** A run id: the local start time to the second and four random hex digits, e.g. {@code 20261123-101500-3f2a}. */
    public static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
