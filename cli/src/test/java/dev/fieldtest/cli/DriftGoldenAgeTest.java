package dev.fieldtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden set's date: the last commit when git tracks the file unchanged, else the modification time. */
class DriftGoldenAgeTest {
    @TempDir Path dir;

    private void git(Map<String, String> env, String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void aCommittedFileUsesItsCommitDateAndAnEditedOneItsModificationTime() throws Exception {
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "name: s\n");
        Path loose = Files.writeString(dir.resolve("loose.yaml"), "name: l\n");
        Files.setLastModifiedTime(loose, FileTime.from(Instant.parse("2026-02-03T04:05:06Z")));
        Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.invalid", "GIT_COMMITTER_NAME", "t",
                "GIT_COMMITTER_EMAIL", "t@example.invalid", "GIT_COMMITTER_DATE", "2026-01-15T12:00:00Z", "GIT_AUTHOR_DATE", "2026-01-15T12:00:00Z");
        git(env, "init", "-q");
        git(env, "add", "suite.yaml");
        git(env, "commit", "-q", "-m", "suite");

        assertThat(DriftGoldenAge.of(suite)).isEqualTo(new DriftGoldenAge(Instant.parse("2026-01-15T12:00:00Z"), "git-commit"));
        // Untracked in the same repository: no commit, so the modification time.
        assertThat(DriftGoldenAge.of(loose)).isEqualTo(new DriftGoldenAge(Instant.parse("2026-02-03T04:05:06Z"), "file-mtime"));
        // The newer of the two wins.
        assertThat(DriftGoldenAge.newest(suite, loose, null).source()).isEqualTo("file-mtime");

        Files.writeString(suite, "name: s2\n");
        Files.setLastModifiedTime(suite, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(DriftGoldenAge.of(suite)).isEqualTo(new DriftGoldenAge(Instant.parse("2026-03-01T00:00:00Z"), "file-mtime"));
    }
}
