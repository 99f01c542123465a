package dev.fieldtest.targets.command;

import dev.fieldtest.targets.call.Durations;
import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.Secrets;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.call.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated settings of one {@code type: command} target (docs/providers.md). Immutable.
 *
 * @param argv      the program and its arguments; a command written as one string runs as {@code /bin/sh -c}
 * @param messages  true: stdin gets the messages as a JSON array; false: the last user message as text
 * @param env       extra environment variables, values expanded (and registered as secrets)
 * @param dir       the working directory
 * @param tokenizer encoding that counts tokens, or null when turned off
 */
public record CommandSettings(String id, List<String> argv, boolean messages, Map<String, String> env, Path dir,
                              Duration timeout, RetryPolicy retry, Pricing pricing, String tokenizer) {
    public CommandSettings {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static CommandSettings read(TargetSpec spec, Env env, Problems problems) {
        return problems.isolated(mine -> new CommandSettingsReader(spec, env, mine).read());
    }

    /** Settings for provenance: the command redacted, environment names without values. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", "command");
        out.put("command", argv.stream().map(Secrets::redact).toList());
        out.put("input", messages ? "messages" : "prompt");
        out.put("env", new TreeSet<>(env.keySet()).stream().toList());
        out.put("timeout", Durations.format(timeout));
        out.put("max_retries", retry.maxRetries());
        out.put("pricing", Map.of("input_per_mtok", pricing.inputPerMtok(), "output_per_mtok", pricing.outputPerMtok(),
                "per_call", pricing.perCall(), "per_second", pricing.perSecond()));
        out.put("tokenizer", tokenizer);
        return out;
    }
}
