package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the fixed parts of an allow-list when the suite loads: {@code allow_file} (UTF-8, one entry per
 * line; blank lines and lines starting with {@code #} are skipped) and {@code allow_dir} (the path of every
 * regular file under the folder, relative to it, with {@code /} separators; {@code .git} folders are
 * skipped and symbolic links are not followed). Both are relative to the suite's folder. A missing or
 * unreadable source is a problem at its value. Internal, not API.
 */
final class AllowSources {
    private AllowSources() {}

    /** The entries of {@code allow_file}; empty after reporting a problem. */
    static List<String> file(Settings s, ConfigNode n) {
        Path path = path(s, n, "the path of a text file with one allowed item per line");
        if (path == null) return List.of();
        if (!Files.isRegularFile(path)) {
            s.problem(n, "allow_file " + n.describe() + " not found (looked for " + path + ")", "paths are relative to the suite's folder");
            return List.of();
        }
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException | UncheckedIOException e) {
            s.problem(n, "cannot read allow_file " + n.describe() + ": " + Quote.shorten(String.valueOf(e.getMessage()), 120),
                    "save it as UTF-8 text, one item per line");
            return List.of();
        }
    }

    /** The relative paths of the files under {@code allow_dir}; empty after reporting a problem. */
    static List<String> dir(Settings s, ConfigNode n) {
        Path root = path(s, n, "the path of a folder");
        if (root == null) return List.of();
        if (!Files.isDirectory(root)) {
            s.problem(n, "allow_dir " + n.describe() + " is not a folder (looked for " + root + ")", "paths are relative to the suite's folder");
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(p -> !startsInGit(p))
                    .map(p -> p.toString().replace(p.getFileSystem().getSeparator(), "/"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            s.problem(n, "cannot list allow_dir " + n.describe() + ": " + Quote.shorten(String.valueOf(e.getMessage()), 120), null);
            return List.of();
        }
    }

    private static boolean startsInGit(Path relative) {
        for (Path part : relative) if (part.toString().equals(".git")) return true;
        return false;
    }

    private static Path path(Settings s, ConfigNode n, String what) {
        if (!n.isString() || ((String) n.scalar()).isBlank()) {
            s.problem(n, n.path() + " must be " + what + ", but was " + n.describe(), null);
            return null;
        }
        return s.baseDir().resolve((String) n.scalar()).toAbsolutePath().normalize();
    }
}
