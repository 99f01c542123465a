package dev.fieldtest.core.spi;

import dev.fieldtest.core.config.ConfigNode;
import java.nio.file.Path;

/**
 * A target as the suite declares it: its id, type and the whole settings map (with locations), and the
 * folder relative paths resolve against. Immutable.
 */
public record TargetSpec(String id, String type, ConfigNode settings, Path baseDir) {}
