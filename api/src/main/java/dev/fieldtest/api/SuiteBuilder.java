package dev.fieldtest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Hashing;
import dev.fieldtest.core.config.SuiteLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Suite} in code, key for key what a suite file says (docs/suite.md): the builder writes the same
 * document the YAML would be and hands it to the same loader, so a built suite and its YAML twin are equal in
 * everything but their source. {@link #build} reports every problem at once ({@link InvalidSuiteException}).
 * Not thread-safe; use one builder per suite.
 */
public final class SuiteBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Object> doc = new LinkedHashMap<>();
    private final List<Object> messages = new ArrayList<>();
    private final List<Object> cases = new ArrayList<>();
    private final List<Object> targets = new ArrayList<>();
    private final List<Object> checks = new ArrayList<>();
    private final List<Object> properties = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    SuiteBuilder(String name) {
        doc.put("name", name);
    }

    public SuiteBuilder description(String text) {
        doc.put("description", text);
        return this;
    }

    /** The single user message, a template such as {@code "Capital of {{country}}?"} ({@code prompt:}). */
    public SuiteBuilder prompt(String template) {
        doc.put("prompt", template);
        return this;
    }

    /** One more message of the conversation ({@code messages:}): role system, user or assistant, and a template. */
    public SuiteBuilder message(String role, String template) {
        messages.add(map("role", role, "content", template));
        return this;
    }

    /** A case with variables only. */
    public SuiteBuilder addCase(String id, Map<String, ?> vars) {
        return addCase(id, vars, null);
    }

    /** A case: its id, the variables its templates see, the expected answer (or null) and its tags (slices). */
    public SuiteBuilder addCase(String id, Map<String, ?> vars, String expected, String... tags) {
        Map<String, Object> c = map("id", id, "vars", vars, "expected", expected);
        if (tags.length > 0) c.put("tags", Arrays.asList(tags));
        cases.add(c);
        return this;
    }

    /** Cases read from a JSONL, JSON or CSV file, as {@code dataset:} (docs/suite.md); may be combined with {@link #addCase}. */
    public SuiteBuilder dataset(Path file) {
        doc.put("dataset", file == null ? null : file.toAbsolutePath().toString());
        return this;
    }

    /** A target by type ({@code openai}, …) with the settings a suite file gives it (base_url, model, api_key, …). */
    public SuiteBuilder target(String id, String type, Map<String, ?> settings) {
        Map<String, Object> t = map("id", id, "type", type);
        if (settings == null) problems.add("target \"" + id + "\": settings must be a map, but was null. Fix: pass Map.of() for none");
        else settings.forEach((k, v) -> {
            if (k.equals("id") || k.equals("type")) problems.add("target \"" + id + "\": settings must not hold \"" + k + "\", but did. Fix: pass it as the argument");
            else t.put(k, v);
        });
        targets.add(t);
        return this;
    }

    /** An in-process Java function as a target (see {@link Targets}). */
    public SuiteBuilder target(FunctionTarget function) {
        if (function == null) {
            problems.add("target must be a FunctionTarget, but was null. Fix: use Targets.function(\"id\", prompt -> answer)");
            return this;
        }
        targets.add(map("id", function.id(), "type", FunctionTargetFactory.TYPE, FunctionRegistry.HANDLE, FunctionRegistry.register(function)));
        return this;
    }

    /** A check every call must pass, with no settings (such as {@code equals-expected}). */
    public SuiteBuilder check(String type) {
        return check(type, Map.of());
    }

    /** A check with the settings a suite file gives it (such as {@code contains} with {@code value}). */
    public SuiteBuilder check(String type, Map<String, ?> settings) {
        Map<String, Object> c = map("type", type);
        if (settings == null) problems.add("check \"" + type + "\": settings must be a map, but was null. Fix: pass Map.of() for none");
        else c.putAll(settings);
        checks.add(c);
        return this;
    }

    /** Runs per case and target (k for pass@k). */
    public SuiteBuilder repeat(int k) {
        doc.put("repeat", k);
        return this;
    }

    /** Calls in flight at once, over all targets. */
    public SuiteBuilder concurrency(int n) {
        doc.put("concurrency", n);
        return this;
    }

    /** A property gated after the run ({@code properties:}, docs/ci.md): a summary.json metric within [min, max]; a null bound is unset. */
    public SuiteBuilder property(String name, String metric, Double min, Double max, String owner) {
        Map<String, Object> p = map("name", name, "metric", metric, "owner", owner);
        if (min != null) p.put("min", min);
        if (max != null) p.put("max", max);
        properties.add(p);
        return this;
    }

    /** Any other top-level key of a suite file, as its plain value (maps, lists, text, numbers): judges, perturb, budget, …. */
    public SuiteBuilder option(String key, Object value) {
        doc.put(key, value);
        return this;
    }

    /** The suite, or an {@link InvalidSuiteException} listing every problem found. */
    public Suite build() {
        Map<String, Object> d = new LinkedHashMap<>(doc);
        putList(d, "messages", messages);
        putList(d, "cases", cases);
        putList(d, "targets", targets);
        putList(d, "checks", checks);
        putList(d, "properties", properties);
        d.values().removeIf(java.util.Objects::isNull);
        List<String> all = new ArrayList<>(problems);
        Suite suite = null;
        try {
            suite = SuiteLoader.fromNode(ConfigNode.of(d, ""), new Suite.Source(null, sha256(d)));
        } catch (ConfigException e) {
            e.problems().stream().map(SuiteBuilder::line).forEach(all::add);
        }
        if (!all.isEmpty()) throw new InvalidSuiteException(String.valueOf(doc.get("name")), all);
        return suite;
    }

    private static void putList(Map<String, Object> d, String key, List<Object> items) {
        if (!items.isEmpty()) d.put(key, List.copyOf(items));
    }

    /** A problem without the "&lt;inline&gt;" location a built document has; a dataset file's location is kept. */
    private static String line(ConfigProblem p) {
        String text = p.message() + (p.fix() == null || p.fix().isBlank() ? "" : ". Fix: " + p.fix());
        return p.location().file() == null ? text : p.location() + ": " + text;
    }

    /** Provenance for a suite with no file: the hash of the document it was built as. */
    private static String sha256(Map<String, Object> d) {
        try {
            return Hashing.sha256(JSON.writeValueAsBytes(d));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // a value Jackson cannot write (an odd var type): the suite is still valid, only unhashed
        }
    }

    /** A map that, unlike Map.of, keeps nulls and its order. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
