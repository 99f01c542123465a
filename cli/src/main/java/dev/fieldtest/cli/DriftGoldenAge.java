package dev.fieldtest.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * When a golden-set file last changed (docs/drift.md): its last git commit date when git tracks it and it has no
 * uncommitted change, else its modification time. The record says which was used.
 */
record DriftGoldenAge(Instant at, String source) {
    static final String GIT = "git-commit";
    static final String MTIME = "file-mtime";

    /** The newer of the files' ages (a suite and its dataset); files that are null are left out. */
    static DriftGoldenAge newest(Path... files) throws IOException {
        DriftGoldenAge best = null;
        for (Path f : files) {
            if (f == null) continue;
            DriftGoldenAge a = of(f);
            if (best == null || a.at().isAfter(best.at())) best = a;
        }
        return best;
    }

    static DriftGoldenAge of(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        String committed = git(abs.getParent(), "log", "-1", "--format=%cI", "--", abs.getFileName().toString());
        String changes = committed == null || committed.isEmpty() ? null : git(abs.getParent(), "status", "--porcelain", "--", abs.getFileName().toString());
        if (changes != null && changes.isEmpty()) return new DriftGoldenAge(OffsetDateTime.parse(committed).toInstant(), GIT);
        return new DriftGoldenAge(Files.getLastModifiedTime(abs).toInstant(), MTIME);
    }

    /** git's trimmed stdout, or null when git is missing, fails (not a repository) or hangs past 10 s. */
    private static String git(Path dir, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = dir.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
