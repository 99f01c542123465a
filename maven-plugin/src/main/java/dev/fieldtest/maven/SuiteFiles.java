package dev.fieldtest.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The suite files a build runs: each configured entry is a path or a glob ({@code *}, {@code **}, {@code ?}, {@code [..]},
 * {@code {a,b}}) relative to the project's base directory. Files come back sorted, each once.
 */
final class SuiteFiles {
    private SuiteFiles() {}

    /** A suite file and the folder name its run gets under the output directory. */
    record Suite(Path file, String runName) {}

    /** Thrown for an entry that names no file (a plain path that is missing) or two suites that would share a run folder. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    /**
     * Expands {@code entries} under {@code baseDir}. A glob that matches nothing adds nothing (a project may have no
     * suites yet); a plain path that does not exist is a mistake and throws.
     */
    static List<Suite> resolve(Path baseDir, List<String> entries) throws Problem {
        var files = new TreeSet<Path>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) continue;
            String e = entry.strip().replace('\\', '/');
            if (!isGlob(e)) {
                Path file = baseDir.resolve(e).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new Problem("suite file " + file + " does not exist; fix the <suites> entry \"" + entry + "\" (paths are relative to " + baseDir + ")");
                }
                files.add(file);
            } else {
                files.addAll(glob(baseDir, e));
            }
        }
        var suites = new ArrayList<Suite>();
        Map<String, Path> byName = new HashMap<>();
        for (Path file : files) {
            String name = runName(file);
            Path other = byName.putIfAbsent(name, file);
            if (other != null) {
                throw new Problem("suites " + other + " and " + file + " would both write to the run folder \"" + name
                        + "\"; rename one of the files (the run folder is the file name without .yaml/.yml)");
            }
            suites.add(new Suite(file, name));
        }
        return suites;
    }

    /** The run folder's name: the file name without its .yaml or .yml extension. */
    static String runName(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("\\.(?i:ya?ml)$", "");
    }

    static boolean isGlob(String entry) {
        return entry.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    private static List<Path> glob(Path baseDir, String pattern) {
        // Walk only from the pattern's fixed leading folders, so src/test/fieldtest/*.yaml does not scan target/.
        String[] parts = pattern.split("/");
        Path root = baseDir;
        int fixed = 0;
        while (fixed < parts.length - 1 && !isGlob(parts[fixed])) root = root.resolve(parts[fixed++]);
        if (!Files.isDirectory(root)) return List.of();
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, fixed, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        Path start = root;
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(Path.of(start.relativize(p).toString().replace('\\', '/'))))
                    .map(Path::normalize)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + start + " for the <suites> entry \"" + pattern + "\"", e);
        }
    }
}
