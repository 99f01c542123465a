package dev.fieldtest.targets.command;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.call.SharedSettings;
import dev.fieldtest.targets.tokens.TokenCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link CommandSettings}, reporting every problem with its location and a fix. Not thread-safe. */
final class CommandSettingsReader {
    private final TargetSpec spec;
    private final Env env;
    private final Problems problems;
    private final ConfigReader r;

    CommandSettingsReader(TargetSpec spec, Env env, Problems problems) {
        this.spec = spec;
        this.env = env;
        this.problems = problems;
        Set<String> keys = new HashSet<>(Set.of("id", "type", "command", "input", "env", "dir", "timeout", "pricing", "tokenizer"));
        keys.addAll(SharedSettings.RETRY_KEYS);
        this.r = new ConfigReader(spec.settings(), problems).allowKeys(keys);
    }

    CommandSettings read() {
        String id = spec.id() != null ? spec.id() : r.requiredString("id", "give the target an id, such as \"my-script\"");
        List<String> argv = argv();
        String input = r.string("input", "prompt");
        if (input != null && !input.equals("prompt") && !input.equals("messages")) {
            ConfigNode n = r.get("input").get();
            problems.add(n.location(), n.path() + " must be prompt or messages, but was \"" + input + "\"",
                    "prompt sends the last user message as text; messages sends [{role, content}] as JSON");
        }
        Map<String, String> vars = env();
        Path dir = dir();
        var timeout = r.positiveDuration("timeout", Defaults.TIMEOUT);
        var retry = SharedSettings.retry(r, 0); // a failing program usually fails again: no retries unless asked
        var pricing = r.pricing("pricing", false);
        String tokenizer = TokenCounter.readEncoding(r);
        if (argv == null || !problems.isEmpty()) return null;
        return new CommandSettings(id, argv, "messages".equals(input), vars, dir, timeout, retry, pricing, tokenizer);
    }

    private List<String> argv() {
        ConfigNode n = r.get("command").orElse(null);
        String fix = "write command: [python3, answer.py] (run as is) or command: \"./answer.sh | tr a-z A-Z\" (run with /bin/sh -c)";
        if (n == null) {
            r.requiredString("command", fix);
            return null;
        }
        if (n.isString()) {
            String line = env.expand(n, false, problems);
            if (line != null && !line.isBlank()) return List.of("/bin/sh", "-c", line);
        } else if (n.isList() && !n.items().isEmpty()) {
            List<String> out = new ArrayList<>();
            for (ConfigNode item : n.items()) {
                if (item.isMap() || item.isList() || item.isNull()) {
                    problems.add(item.location(), item.path() + " must be a text, but was " + item.describe(), fix);
                    return null;
                }
                out.add(env.expand(item, false, problems));
            }
            return out;
        }
        problems.add(n.location(), n.path() + " must be a program with its arguments, but was " + n.describe(), fix);
        return null;
    }

    private Map<String, String> env() {
        ConfigNode n = r.get("env").orElse(null);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) return out;
        if (!n.isMap()) {
            problems.add(n.location(), n.path() + " must be a map of variable names to values, but was " + n.describe(),
                    "write env: {API_TOKEN: \"${API_TOKEN}\"}");
            return out;
        }
        n.fields().forEach((name, value) -> {
            if (value.isMap() || value.isList()) problems.add(value.location(), value.path() + " must be a text, but was " + value.describe(), null);
            else out.put(name, env.expand(value, true, problems));
        });
        return out;
    }

    private Path dir() {
        Path base = spec.baseDir() == null ? Path.of(".") : spec.baseDir();
        String d = r.string("dir", null);
        if (d == null) return base;
        Path dir = base.resolve(d).normalize();
        if (!Files.isDirectory(dir)) {
            ConfigNode n = r.get("dir").get();
            problems.add(n.location(), n.path() + " is not a directory: " + dir, "write a folder relative to the suite file");
        }
        return dir;
    }
}
