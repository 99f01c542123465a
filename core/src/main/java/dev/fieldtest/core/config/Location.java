package dev.fieldtest.core.config;

import java.nio.file.Path;

/** A place in an input file, 1-based, printed as {@code file:line:column}. Immutable. */
public record Location(Path file, int line, int column) {
    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        String name = file == null ? "<inline>" : file.toString();
        return line <= 0 ? name : name + ":" + line + ":" + column;
    }
}
