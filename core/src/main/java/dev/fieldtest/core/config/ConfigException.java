package dev.fieldtest.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem found, so a user fixes them all in one go. The CLI maps it to exit code 2. */
public final class ConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Location location, String message, String fix) {
        this(List.of(new ConfigProblem(location, message, fix)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
