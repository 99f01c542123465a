package dev.fieldtest.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.Suite.MessageTemplate;
import dev.fieldtest.core.Suite.Source;
import dev.fieldtest.core.perturb.Variant;
import dev.fieldtest.core.perturb.VariantReader;
import dev.fieldtest.core.perturb.Variations;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.core.spi.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a suite file (YAML; every key is documented in docs/suite.md) and its dataset into a {@link Suite}.
 * Gathers every problem before failing, each with file:line:column and a fix, as one {@link ConfigException}.
 * Checks that target and check types exist, and that templates' placeholders exist, happen in
 * {@link Components#resolve}. With {@code perturb:} or {@code generate:} (docs/robustness.md), every case is
 * followed in {@link Suite#cases()} by its variants; {@link Variant#nameOf} tells them apart.
 */
public final class SuiteLoader {
    private static final Set<String> KEYS = Set.of("name", "description", "prompt", "messages", "dataset", "cases",
            "repeat", "concurrency", "targets", "checks", "confidence", "judges", "perturb", "generate", "pairwise", "load",
            "properties", "online", "budget");
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final YAMLFactory YAML = new YAMLFactory();

    private SuiteLoader() {}

    public static Suite load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Location.of(file), "suite file not found", "check the path");
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the suite: " + e.getMessage(), "check the file's permissions");
        }
        Utf8.require(bytes, file);
        ConfigNode root;
        try (JsonParser p = YAML.createParser(bytes)) {
            root = ConfigNode.read(p, file, "");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException y) throw yamlError(y, file);
            throw new ConfigException(ConfigNode.at(e.getLocation(), file), "not valid YAML: " + e.getOriginalMessage(),
                    "fix the indentation or quoting at this position");
        } catch (MarkedYAMLException e) {
            throw yamlError(e, file);
        } catch (IOException e) {
            throw new ConfigException(Location.of(file), "cannot read the suite: " + e.getMessage(), null);
        }
        return fromNode(root, new Source(file, Hashing.sha256(bytes)));
    }

    /** The YAML parser's own problem and position (0-based there), which beat Jackson's context position. */
    private static ConfigException yamlError(MarkedYAMLException e, Path file) {
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        return new ConfigException(new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
                "not valid YAML: " + e.getProblem() + context, "fix the indentation, brackets or quoting at this position");
    }

    /** Builds a suite from an already parsed document; {@code source.file()} anchors relative paths. */
    public static Suite fromNode(ConfigNode root, Source source) {
        Problems problems = new Problems();
        if (!root.isMap()) throw new ConfigException(root.location(), "a suite must be a map of keys such as name, prompt, dataset, targets",
                "see docs/suite.md for an example");
        Path base = source.file() == null ? Path.of(".") : source.file().toAbsolutePath().getParent();
        ConfigReader r = new ConfigReader(root, problems).allowKeys(KEYS);
        String name = r.string("name", source.file() == null ? "suite" : stem(source.file()));
        String description = r.string("description", "");
        List<MessageTemplate> messages = messages(r, problems);
        List<Case> cases = new ArrayList<>();
        Source dataset = null;
        String datasetPath = r.string("dataset", null);
        if (datasetPath != null) {
            Path file = base.resolve(datasetPath).normalize();
            cases.addAll(DatasetLoader.load(file, r.get("dataset").orElseThrow().location(), problems));
            dataset = Files.isRegularFile(file) ? new Source(file, Hashing.sha256(file)) : null;
        }
        r.get("cases").ifPresent(list -> list.items().forEach(n -> {
            Case c = CaseReader.read(n, problems);
            if (c != null) cases.add(c);
        }));
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(root.location(), "the suite has no cases", "add `dataset: cases.jsonl` or a `cases:` list");
        }
        uniqueIds(cases, problems);
        Variations variations = variations(r, cases, problems);
        int repeat = r.integer("repeat", Defaults.REPEAT, 1, 100_000);
        int concurrency = r.integer("concurrency", Defaults.CONCURRENCY, 1, 10_000);
        List<TargetSpec> targets = targets(r, "targets", base, problems);
        List<TargetSpec> judges = r.has("judges") ? targets(r, "judges", base, problems) : List.of();
        judges.stream().filter(j -> targets.stream().anyMatch(t -> t.id().equals(j.id()))).forEach(j -> problems.add(j.settings().location(),
                "judge id \"" + j.id() + "\" is also a target id", "give judges ids of their own"));
        List<CheckSpec> checks = checks(r, base, problems);
        ConfigReader conf = new ConfigReader(r.get("confidence").orElse(ConfigNode.of(java.util.Map.of(), "confidence")), problems)
                .allowKeys(Set.of("extract", "confident_wrong_at"));
        Pattern confidence = conf.regex("extract");
        double confidentWrongAt = conf.number("confident_wrong_at", Defaults.CONFIDENT_WRONG_AT, 0, 1);
        List<Property> properties = PropertyReader.read(r.get("properties").orElse(null), targets.stream().map(TargetSpec::id).toList(), problems);
        var online = dev.fieldtest.core.online.OnlineSettingsReader.read(r.get("online").orElse(null), checks, problems);
        var budget = BudgetReader.read(r.get("budget").orElse(null), problems);
        problems.throwIfAny();
        List<ConfigNode> pairwise = r.get("pairwise").map(ConfigNode::items).orElse(List.of());
        return new Suite(name, description, source, messages, variations.expand(cases), dataset, repeat, concurrency, targets, checks,
                confidence, judges, pairwise, confidentWrongAt, r.get("load").orElse(null), properties, online, budget);
    }

    private static List<MessageTemplate> messages(ConfigReader r, Problems problems) {
        ConfigNode prompt = r.get("prompt").orElse(null);
        ConfigNode list = r.get("messages").orElse(null);
        if ((prompt == null) == (list == null)) {
            problems.add(r.node().location(), prompt == null ? "the suite has neither prompt nor messages" : "the suite has both prompt and messages",
                    "give exactly one: `prompt: \"Answer: {{question}}\"` or a `messages:` list of {role, content}");
            return List.of();
        }
        if (prompt != null) return List.of(new MessageTemplate("user", Template.of(r.string("prompt", ""), prompt.location())));
        List<MessageTemplate> out = new ArrayList<>();
        for (ConfigNode m : list.items()) {
            ConfigReader mr = new ConfigReader(m, problems).allowKeys(Set.of("role", "content"));
            String role = mr.requiredString("role", "add `role: user` (or system, assistant)");
            String content = mr.requiredString("content", "add the message text as `content:`");
            if (role != null && !ROLES.contains(role)) {
                problems.add(m.get("role").orElseThrow().location(), m.path() + ".role must be system, user or assistant, but was \"" + role + "\"", null);
            }
            if (role != null && content != null) out.add(new MessageTemplate(role, Template.of(content, m.get("content").orElseThrow().location())));
        }
        if (list.items().isEmpty()) problems.add(list.location(), "messages is empty", "add at least one {role: user, content: ...}");
        return out;
    }

    private static List<TargetSpec> targets(ConfigReader r, String key, Path base, Problems problems) {
        ConfigNode list = r.get(key).orElse(null);
        if (list == null || list.items().isEmpty()) {
            problems.add(list == null ? r.node().location() : list.location(), "the suite has no " + key,
                    "add `" + key + ":` with at least one {id, type: openai, base_url, model}");
            return List.of();
        }
        List<TargetSpec> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (ConfigNode t : list.items()) {
            ConfigReader tr = new ConfigReader(t, problems);
            String id = tr.requiredString("id", "give the target an id, such as `id: gpt-4o-mini`");
            String type = tr.requiredString("type", "add `type: openai` (or another target type)");
            if (id != null && !ID.matcher(id).matches()) {
                problems.add(t.get("id").orElseThrow().location(), "target id \"" + id + "\" must start with a letter or digit and use only letters, digits and _ . : -", null);
            } else if (id != null && seen.putIfAbsent(id, t.location()) != null) {
                problems.add(t.location(), "target id \"" + id + "\" is used twice (first at " + seen.get(id) + ")", "give every target its own id");
            }
            if (id != null && type != null) out.add(new TargetSpec(id, type, t, base));
        }
        return out;
    }

    private static List<CheckSpec> checks(ConfigReader r, Path base, Problems problems) {
        List<CheckSpec> out = new ArrayList<>();
        for (ConfigNode c : r.get("checks").map(ConfigNode::items).orElse(List.of())) {
            ConfigReader cr = new ConfigReader(c, problems);
            String type = cr.requiredString("type", "add a check type such as `type: contains`");
            cr.regex("extract");
            if (type != null) out.add(new CheckSpec(type, cr.string("name", type), c, base));
        }
        return out;
    }

    /** The suite's perturbations and generators; the marks variant cases carry are reserved in the cases written. */
    private static Variations variations(ConfigReader r, List<Case> cases, Problems problems) {
        boolean any = r.has("perturb") || r.has("generate");
        for (Case c : cases) {
            c.tags().stream().filter(t -> t.startsWith(Variant.TAG_PREFIX)).findFirst().ifPresent(t -> problems.add(c.location(),
                    "case \"" + c.id() + "\" has the tag \"" + t + "\", but tags starting with " + Variant.TAG_PREFIX + " name generated variants",
                    "rename the tag; to run variants of the case, use `perturb:` or `generate:`"));
            if (any && c.id().contains(Variant.ID_SEPARATOR)) {
                problems.add(c.location(), "case id \"" + c.id() + "\" contains " + Variant.ID_SEPARATOR + ", which separates a case's id from its variant's name",
                        "rename the case without " + Variant.ID_SEPARATOR);
            }
        }
        if (!any) return Variations.NONE;
        Set<String> vars = new java.util.TreeSet<>();
        cases.forEach(c -> vars.addAll(c.vars().keySet()));
        return VariantReader.read(r.get("perturb").orElse(null), r.get("generate").orElse(null), vars, problems);
    }

    private static void uniqueIds(List<Case> cases, Problems problems) {
        Map<String, Case> seen = new HashMap<>();
        for (Case c : cases) {
            Case first = seen.putIfAbsent(c.id(), c);
            if (first != null) {
                problems.add(c.location(), "case id \"" + c.id() + "\" is used twice (first at " + first.location() + ")",
                        "give every case its own id: pass@k and comparisons match runs by case id");
            }
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
