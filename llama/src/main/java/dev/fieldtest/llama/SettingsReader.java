package dev.fieldtest.llama;

import dev.fieldtest.core.Pricing;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Reads {@link LlamaSettings} from a target spec, reporting every problem with its location. Not thread-safe. */
final class SettingsReader {
    private static final Set<String> KEYS = Set.of("id", "type", "model_path", "params", "timeout", "pricing", "context",
            "threads", "prompt_format");
    private static final Set<String> PARAM_KEYS = Set.of("temperature", "max_tokens", "seed", "top_k", "top_p", "stop");
    private final TargetSpec spec;
    private final Env env;
    private final Problems problems;
    private final ConfigReader r;

    SettingsReader(TargetSpec spec, Env env, Problems problems) {
        this.spec = spec;
        this.env = env;
        this.problems = problems;
        this.r = new ConfigReader(spec.settings(), problems).allowKeys(KEYS);
    }

    /** The settings; meaningless (possibly null) when problems were added. */
    LlamaSettings read() {
        String id = spec.id() != null ? spec.id() : r.requiredString("id", "give the target an id, such as \"stories\"");
        String written = modelPath();
        Path model = written == null ? null : checkedModel(written);
        SamplingParams params = params();
        Duration timeout = r.positiveDuration("timeout", Defaults.TIMEOUT);
        Pricing pricing = r.pricing("pricing", false);
        int context = r.integer("context", LlamaSettings.DEFAULT_CONTEXT, 16, 1 << 20);
        int threads = r.integer("threads", LlamaSettings.DEFAULT_THREADS, 1, 1024);
        PromptFormat format = promptFormat();
        if (model == null || params == null) return null;
        return new LlamaSettings(id, model, written, params, timeout, pricing, context, threads, format);
    }

    private String modelPath() {
        ConfigNode n = r.get("model_path").orElse(null);
        if (n == null) {
            r.requiredString("model_path", "give the path of a .gguf model file, relative to the suite file's folder");
            return null;
        }
        if (n.isMap() || n.isList()) return r.string("model_path", null); // reports "must be a string"
        String value = env.expand(n, false, problems);
        if (value != null && value.isBlank()) {
            problems.add(n.location(), n.path() + " is empty", "give the path of a .gguf model file");
            return null;
        }
        return value;
    }

    /** The absolute model file, if it exists and is GGUF; problems at model_path's value otherwise. */
    private Path checkedModel(String written) {
        ConfigNode n = r.get("model_path").orElseThrow();
        Path file;
        try {
            file = spec.baseDir().resolve(written).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problem(n, "is not a valid path: " + e.getReason(), "give the path of a .gguf model file");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            problem(n, "names no file: " + file + (Files.isDirectory(file) ? " is a folder" : " does not exist"),
                    "give the path of a .gguf model file; a relative path starts at the suite file's folder");
            return null;
        }
        try {
            if (GgufFile.hasMagic(file)) return file;
            problem(n, "is not a GGUF model: " + file + " does not start with the bytes GGUF",
                    "llama.cpp 4.x reads only GGUF; convert the model with llama.cpp's convert scripts or download its .gguf variant");
        } catch (IOException e) {
            problem(n, "cannot be read: " + e.getMessage(), "check the file's permissions");
        }
        return null;
    }

    private SamplingParams params() {
        ConfigNode n = r.get("params").orElse(null);
        if (n == null) return SamplingParams.defaults();
        ConfigReader p = new ConfigReader(n, problems).allowKeys(PARAM_KEYS);
        if (!n.isMap()) return null;
        double temperature = p.number("temperature", SamplingParams.DEFAULT_TEMPERATURE, 0, 10);
        int maxTokens = p.integer("max_tokens", SamplingParams.DEFAULT_MAX_TOKENS, 1, 1 << 20);
        int seed = p.integer("seed", SamplingParams.DEFAULT_SEED, 0, Integer.MAX_VALUE);
        Integer topK = p.get("top_k").isPresent() ? p.integer("top_k", 40, 0, 1 << 20) : null;
        Double topP = p.get("top_p").isPresent() ? p.number("top_p", 0.95, 0, 1) : null;
        var stop = p.strings("stop");
        p.get("stop").ifPresent(s -> (s.isList() ? s.items() : java.util.List.of(s)).stream()
                .filter(item -> "".equals(item.scalar()))
                .forEach(item -> problem(item, "is empty", "remove it, or give the text that ends an answer")));
        return new SamplingParams(temperature, maxTokens, seed, topK, topP, stop);
    }


    private PromptFormat promptFormat() {
        String name = r.string("prompt_format", PromptFormat.PLAIN.wireName());
        if (name == null) return PromptFormat.PLAIN;
        return Arrays.stream(PromptFormat.values()).filter(f -> f.wireName().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseGet(() -> {
                    problem(r.get("prompt_format").orElseThrow(), "must be plain, but was \"" + name + "\"",
                            "use plain: chat templates are not supported by this target yet");
                    return PromptFormat.PLAIN;
                });
    }

    private void problem(ConfigNode n, String message, String fix) {
        problems.add(n.location(), n.path() + " " + message, fix);
    }
}
