package dev.fieldtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadReportTest {
    @Test
    void aSweepReadsAsTitleSettingsTableAndSentences() {
        String md = LoadReport.markdown(LoadFixtures.read("sweep"));
        assertThat(md).startsWith("# fieldtest load: support-desk\n\n> These numbers are measurements of this machine and this run, not verdicts")
                .contains("**completed** · profile sweep · 20 s per step (warm-up 3 s, cool-down 1 s) · poisson arrivals · seed 1 · quality sample 20  \n"
                        + "SLOs: latency ≤ 2000 ms · TTFT ≤ 500 ms · goodput ≥ 95.0% · errors ≤ 5.0%\n")
                .contains("![Corrected latency and achieved rate against offered rate](load.svg)")
                .contains("Cold start (the run's first request): 813 ms, TTFT 301 ms.")
                .contains("\n| 0 | 10 rps | 9.8 rps (98.1%) | 41 / 70 / 95 | 95 | 12 | 1.9% | 5 | 95.6% | 95.0% (n=20) | $0.0000778 | ✓ | ✓ |\n")
                .contains("\n| 2 | 40 rps | 39.9 rps (99.7%) | 60 / 151 / 310 | 281 | 20 | 0.3% | 0 | 98.4% | 85.0% (n=20) | $0.0000777 | invalid¹ | ✓ |\n")
                .contains("\n| 3 | 80 rps | 56.9 rps (71.2%) | 2400 / 5100 / 6900 | 1900 | 1800 | 17.2% | 312 | 55.0% | 40.0% (n=20) | $0.0000779 | ✓ | ✗ |\n")
                .contains("- ¹ Step 2 is invalid: 3.2% of sends left more than 1 ms after their intended instant (limit 1%)\n")
                .contains("- Step 3 broke its SLOs: achieved 71.2% of the offered rate (below 95%); goodput 55.0% is below the SLO's 95.0%; "
                        + "error rate 17.2% is above the limit of 5.0%\n")
                .contains("Collapsed at step 3 (80 rps): achieved 71.2% of the offered rate (below 95%).")
                .contains("Highest rate meeting every SLO: 20 rps.")
                .contains("Quality pass rate fell from 95.0% (step 0, 10 rps) to 40.0% (step 3, 80 rps); the 95% intervals do not overlap.");
    }

    @Test
    void closedStepsShowUsersNoChartAndNoChangeWhenIntervalsOverlap() {
        String md = LoadReport.markdown(LoadFixtures.read("closed"));
        assertThat(md).contains("\n| 0 | 1 user | 1.9 rps | 510 / 540 / 561 | 561 | — | 0.0% | 0 | 100.0% | 90.0% (n=20) | $0 | ✓ | ✓ |\n")
                .contains("| 2 | 16 users | 6.3 rps |")
                .contains("Collapsed at step 2 (16 users): goodput 87.3% fell below the SLO's 90.0%.")
                .contains("Quality pass rate went from 90.0% (step 0, 1 user) to 75.0% (step 2, 16 users): no change beyond the 95% intervals.")
                .doesNotContain("load.svg", "Highest rate", "pass rate fell", "invalid");
    }

    @Test
    void anAbortedRunSaysWhyAndATargetWithoutStepsSaysSo() {
        String md = LoadReport.markdown(LoadFixtures.read("aborted"));
        assertThat(md).contains("**aborted** · profile constant · 10 s per step (warm-up 2 s, cool-down 1 s) · constant arrivals · at most 8 in flight")
                .contains("SLOs: none given")
                .contains("**Aborted:** interrupted (Ctrl-C) while the second target warmed up.")
                .contains("| 0 | 5 rps | 5 rps (100.0%) | 30 / 36 / 40 | 40 | — | 0.0% | 0 | 100.0% | — | — | ✓ | ✓ |")
                .contains("No step collapsed. Highest rate meeting every SLO: 5 rps.\n")
                .contains("## slow\n\nCold start (the run's first request): failed, timeout.\n\nNo step was measured.\n");
    }

    @Test
    void everyStringFromLoadJsonIsEscaped() {
        String md = LoadReport.markdown(LoadFixtures.read("hostile"));
        assertThat(md).startsWith("# fieldtest load: &lt;script&gt;alert('suite')&lt;/script&gt; \\*bold\\*\n")
                .contains("## a\\|b&lt;script&gt;alert(1)&lt;/script&gt;\\*x &amp; \"q\"\n")
                .contains("| $0.00005 | invalid¹ | ✓ |")
                .contains("- ¹ Step 0 is invalid: late \\| \\*sends\\* &lt;img src=x onerror=alert(2)&gt;\n")
                .contains("- Step 1 broke its SLOs: latency &lt;p99&gt; \\| over \\*1000\\* ms\n")
                .contains("Collapsed at step 1 (4 rps): achieved 87.5% &lt;script&gt;x&lt;/script&gt;.")
                .contains("No valid step met every SLO.")
                .contains("Quality pass rate rose from 30.0% (step 0, 2 rps) to 90.0% (step 1, 4 rps)")
                .doesNotContain("<script", "<img", "fell");
        // a table row has exactly the 14 unescaped pipes of its 13 columns, whatever the strings held
        md.lines().filter(l -> l.startsWith("| 0 |") || l.startsWith("| 1 |"))
                .forEach(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(14));
    }

    @Test
    void theHtmlPageHasOneRowPerStepTheCollapseAndEscapesEveryString(@TempDir Path dir) throws Exception {
        LoadReport.write(dir, LoadFixtures.read("sweep"));
        String sweep = Files.readString(dir.resolve("report.html"));
        // sweep.json: one target, 4 steps, collapsing at step 3 (80 rps)
        assertThat(sweep.split("<tr><td>", -1)).hasSize(1 + 4);
        assertThat(sweep).contains("collapse at step 3: ", "<svg").doesNotContain("<script");

        String hostile = HtmlLoadPage.render(LoadFixtures.read("hostile"));
        assertThat(hostile).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;suite&#39;)&lt;/script&gt;");
    }

    @Test
    void writePutsTheChartBesideTheReportOnlyWhenThereAreOpenSteps(@TempDir Path dir) throws Exception {
        Path sweep = Files.createDirectory(dir.resolve("sweep")), closed = Files.createDirectory(dir.resolve("closed"));
        LoadReport.write(sweep, LoadFixtures.read("sweep"));
        LoadReport.write(closed, LoadFixtures.read("closed"));
        assertThat(Files.readString(sweep.resolve("report.md"))).isEqualTo(LoadReport.markdown(LoadFixtures.read("sweep")));
        assertThat(Files.readString(sweep.resolve("load.svg"))).isEqualTo(LoadChart.svg(LoadFixtures.read("sweep")));
        assertThat(closed.resolve("report.md")).exists();
        assertThat(closed.resolve("load.svg")).doesNotExist();
    }
}
