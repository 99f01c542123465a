package dev.fieldtest.core.spi;

import dev.fieldtest.core.config.ConfigNode;
import java.nio.file.Path;

/**
 * A check as the suite declares it: type, display name and the whole settings map (with locations),
 * and the folder relative paths (such as {@code schema_file}) resolve against. Immutable.
 */
public record CheckSpec(String type, String name, ConfigNode settings, Path baseDir) {}
