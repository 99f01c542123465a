package dev.fieldtest.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Write to a temporary sibling, then rename over the target: readers never see half a file. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static Path tempFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    public static void commit(Path target) throws IOException {
        Files.move(tempFor(target), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void writeString(Path target, String text) throws IOException {
        Files.writeString(tempFor(target), text);
        commit(target);
    }
}
