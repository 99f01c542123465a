package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Robust.answering;
import static dev.fieldtest.scorers.Robust.check;
import static dev.fieldtest.scorers.Robust.problems;
import static dev.fieldtest.scorers.Robust.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** no-invented-references: each kind of reference against each kind of allow-list, and the exact findings. */
class NoInventedReferencesCheckTest {
    @TempDir
    Path suiteDir;

    private void file(String relative, String content) throws IOException {
        Path p = suiteDir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void pathsAgainstAFolderMatchWholeRelativePathsAndTheirEndings() throws IOException {
        file("repo/src/main/java/dev/App.java", "class App {}");
        file("repo/src/main/resources/app.conf", "x=1");
        file("repo/README.md", "# app");
        file("repo/.git/info.txt", "git's own");
        Check c = check("type: no-invented-references\nkind: paths\nallow_dir: repo\n", suiteDir);
        String output = "See src/main/java/dev/App.java and ./README.md; the settings are in app.conf. Also edit "
                + "src/main/java/dev/Helper.java and /etc/app/x.conf, or .git/info.txt. See https://example.com/a/b.html too.";
        // found: App.java (exact), README.md (after ./), app.conf (an ending of src/main/resources/app.conf),
        // Helper.java, /etc/app/x.conf and .git/info.txt (.git is skipped); the URL is no path
        assertThat(run(c, output)).isEqualTo(Verdict.fail("no-invented-references",
                "3 of 6 paths not on the allow-list: \"src/main/java/dev/Helper.java\", \"/etc/app/x.conf\", \".git/info.txt\"")
                .withFindings(List.of("invented:src/main/java/dev/Helper.java", "invented:/etc/app/x.conf", "invented:.git/info.txt")));
        assertThat(run(c, "Open App.java and java/dev/App.java, e.g. with vim. Pi is 3.14 and and/or is fine.")).isEqualTo(Verdict.pass("no-invented-references"));
        // an ending must start at a slash: "pp.java" is no ending of App.java
        assertThat(run(c, "pp.java").findings()).containsExactly("invented:pp.java");
    }

    @Test
    void urlsAgainstAFileCompareSchemeAndHostIgnoringCaseAndTrailingSlashes() throws IOException {
        file("urls.txt", "# pages we publish\nhttps://docs.example.com/guide/\n\nhttps://example.com/faq\n");
        Check c = check("type: no-invented-references\nname: real links\nkind: urls\nallow_file: urls.txt\n", suiteDir);
        String output = "Read HTTPS://Docs.Example.com/guide and https://example.com/faq/, not https://example.com/faq/old "
                + "or (see https://made.up/page). Again: https://made.up/page.";
        assertThat(run(c, output)).isEqualTo(Verdict.fail("real links",
                "2 of 4 URLs not on the allow-list: \"https://example.com/faq/old\", \"https://made.up/page\"")
                .withFindings(List.of("invented:https://example.com/faq/old", "invented:https://made.up/page")));
        // the path of a URL is compared as written
        assertThat(run(c, "https://example.com/FAQ").findings()).containsExactly("invented:https://example.com/FAQ");
    }

    @Test
    void citationsAgainstAnInlineList() {
        Check c = check("type: no-invented-references\nkind: citations\nallow: ['[smith2020]', '@doe21', 'Lee et al., 2018']\n");
        String output = "As shown in [smith2020] and [@doe21; @roe19], results hold (Lee et al., 2018) but not (Brown, 2021).";
        assertThat(run(c, output)).isEqualTo(Verdict.fail("no-invented-references",
                "2 of 5 citations not on the allow-list: \"roe19\", \"Brown, 2021\"")
                .withFindings(List.of("invented:roe19", "invented:Brown, 2021")));
        assertThat(run(c, "See [Smith2020] and (Lee et al. 2018). A [link](x) and [1] are no citations.").pass()).isTrue();
    }

    @Test
    void allowTemplatesUseTheCaseVariablesAndAListVariableGivesOneEntryPerElement() {
        Check c = check("type: no-invented-references\nkind: urls\nallow: ['{{context_urls}}', '{{home}}']\n");
        var vars = Map.<String, Object>of("context_urls", List.of("https://a.example/x", "https://b.example/"),
                "home", "https://home.example\nhttps://help.example");
        Verdict v = run(c, "See https://b.example, https://help.example/ and https://c.example.", answering(vars, null));
        assertThat(v).isEqualTo(Verdict.fail("no-invented-references", "1 of 3 URLs not on the allow-list: \"https://c.example\"")
                .withFindings(List.of("invented:https://c.example")));
    }

    @Test
    void aPatternGivesItsGroupOrTheWholeMatch() {
        Check c = check("type: no-invented-references\npattern: 'ticket #(\\d+)'\nallow: ['4521']\n");
        assertThat(run(c, "See ticket #4521 and ticket #9999.").findings()).containsExactly("invented:9999");
        Check whole = check("type: no-invented-references\npattern: 'JIRA-\\d+'\nallow: [JIRA-1]\n");
        assertThat(run(whole, "JIRA-1, JIRA-22").detail()).isEqualTo("1 of 2 references not on the allow-list: \"JIRA-22\"");
    }

    @Test
    void theDetailNamesFiveAndTheFindingsNameAll() {
        Check c = check("type: no-invented-references\nkind: paths\nallow: b/0.txt\n");
        Verdict v = run(c, "a/1.txt a/2.txt a/3.txt a/4.txt a/5.txt a/6.txt a/7.txt b/0.txt");
        assertThat(v.detail()).isEqualTo("7 of 8 paths not on the allow-list: \"a/1.txt\", \"a/2.txt\", \"a/3.txt\", \"a/4.txt\", \"a/5.txt\" and 2 more");
        assertThat(v.findings()).hasSize(7).startsWith("invented:a/1.txt").endsWith("invented:a/7.txt");
        assertThat(run(c, "No references here.")).isEqualTo(Verdict.pass("no-invented-references"));
        assertThat(run(c, null)).isEqualTo(Verdict.fail("no-invented-references", "no output to check (the call failed)"));
    }

    @Test
    void settingsProblemsAreReportedAtTheirValues() throws IOException {
        file("not-a-folder.txt", "x");
        assertThat(problems("type: no-invented-references\nkind: paths\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'allow', 'allow_file' or 'allow_dir'."
                        + " Fix: list the references the output may use, or name a file or folder that holds them");
        assertThat(problems("type: no-invented-references\nallow: [x]\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'kind'. Fix: add kind: paths, kind: urls or kind: citations, or pattern: with a regular expression");
        assertThat(problems("type: no-invented-references\nkind: books\nallow: [x]\n")).containsExactly(
                "suite.yaml:2:7: checks[0].kind must be paths, urls or citations, but was \"books\"."
                        + " Fix: for other references, give pattern: with a regular expression instead");
        assertThat(problems("type: no-invented-references\nkind: urls\npattern: x\nallow: [x]\n")).containsExactly(
                "suite.yaml:3:10: give kind or pattern, not both. Fix: remove one of them");
        assertThat(problems("type: no-invented-references\nkind: urls\nallow_file: missing.txt\nallow_dir: not-a-folder.txt\nallow: {}\n", suiteDir))
                .containsExactlyInAnyOrder(
                        "suite.yaml:3:13: allow_file \"missing.txt\" not found (looked for " + suiteDir.resolve("missing.txt").toAbsolutePath()
                                + "). Fix: paths are relative to the suite's folder",
                        "suite.yaml:4:12: allow_dir \"not-a-folder.txt\" is not a folder (looked for " + suiteDir.resolve("not-a-folder.txt").toAbsolutePath()
                                + "). Fix: paths are relative to the suite's folder",
                        "suite.yaml:5:8: checks[0].allow must be a text or a list of texts, but was a map");
        assertThat(problems("type: no-invented-references\npattern: '(x'\nallow: [x]\n")).singleElement().asString()
                .startsWith("suite.yaml:2:10: checks[0].pattern is not a valid regular expression: Unclosed group");
    }
}
