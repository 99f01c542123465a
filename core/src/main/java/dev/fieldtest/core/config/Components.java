package dev.fieldtest.core.config;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.core.run.BoundCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The live parts of a suite: its targets and checks, built by the factories found on the class path, after
 * every placeholder of every template was checked against every case. Close it to release the targets.
 */
public record Components(List<Target> targets, List<BoundCheck> checks, List<Target> judges,
                         List<dev.fieldtest.core.spi.Comparison> comparisons) implements AutoCloseable {
    private static final int CASES_NAMED_PER_PLACEHOLDER = 3;

    /** Builds the suite's targets and checks, or throws a {@link ConfigException} with every problem found. */
    public static Components resolve(Suite suite, Env env) {
        Problems problems = new Problems();
        Map<String, TargetFactory> targetTypes = byType(ServiceLoader.load(TargetFactory.class), TargetFactory::types);
        Map<String, CheckFactory> checkTypes = byType(ServiceLoader.load(CheckFactory.class), CheckFactory::types);
        List<Target> targets = new ArrayList<>();
        var fallbacks = FallbackChains.read(suite.targets(), problems);
        for (TargetSpec spec : suite.targets()) {
            TargetFactory f = known(targetTypes, spec.type(), spec.settings(), "target", problems);
            Target t = f == null ? null : f.create(FallbackChains.stripped(spec), env, problems);
            if (t != null) targets.add(t);
        }
        targets = new ArrayList<>(FallbackChains.wrap(targets, fallbacks));
        java.util.Map<String, Target> judges = new java.util.LinkedHashMap<>();
        for (TargetSpec spec : suite.judges()) {
            TargetFactory f = known(targetTypes, spec.type(), spec.settings(), "judge", problems);
            Target t = f == null ? null : f.create(spec, env, problems);
            if (t != null) judges.put(t.id(), t);
        }
        BuildContext context = new BuildContext(problems, judges);
        List<BoundCheck> checks = new ArrayList<>();
        List<CheckSpec> built = new ArrayList<>();
        for (CheckSpec spec : suite.checks()) {
            CheckFactory f = known(checkTypes, spec.type(), spec.settings(), "check", problems);
            var check = f == null ? null : f.create(spec, context);
            if (check != null) {
                checks.add(new BoundCheck(check, new ConfigReader(spec.settings(), new Problems()).regex("extract")));
                built.add(spec);
            }
        }
        sameModel(targets, checks, built, problems);
        List<dev.fieldtest.core.spi.Comparison> comparisons = comparisons(suite, targets, context, problems);
        List<Template> templates = new ArrayList<>(context.templates());
        suite.messages().forEach(m -> templates.add(m.content()));
        placeholders(templates, suite.cases(), problems);
        if (!problems.isEmpty()) {
            targets.forEach(Target::close);
            judges.values().forEach(Target::close);
            problems.throwIfAny();
        }
        return new Components(List.copyOf(targets), List.copyOf(checks), List.copyOf(judges.values()), comparisons);
    }

    private static <F> Map<String, F> byType(Iterable<F> factories, java.util.function.Function<F, java.util.Set<String>> types) {
        Map<String, F> out = new TreeMap<>();
        for (F f : factories) types.apply(f).forEach(t -> out.putIfAbsent(t, f));
        return out;
    }

    private static <F> F known(Map<String, F> types, String type, ConfigNode node, String what, Problems problems) {
        F f = types.get(type);
        if (f == null) {
            String near = Spelling.closest(type, types.keySet());
            problems.add(node.get("type").map(ConfigNode::location).orElse(node.location()), "unknown " + what + " type \"" + type + "\"",
                    near != null ? "did you mean \"" + near + "\"?" : "known types: " + String.join(", ", types.keySet()));
        }
        return f;
    }

    /** The suite's {@code pairwise:} entries, built by the comparison factories on the class path. */
    private static List<dev.fieldtest.core.spi.Comparison> comparisons(Suite suite, List<Target> targets, BuildContext context, Problems problems) {
        Map<String, dev.fieldtest.core.spi.ComparisonFactory> types =
                byType(ServiceLoader.load(dev.fieldtest.core.spi.ComparisonFactory.class), dev.fieldtest.core.spi.ComparisonFactory::types);
        java.util.Set<String> ids = new java.util.TreeSet<>(targets.stream().map(Target::id).toList());
        List<dev.fieldtest.core.spi.Comparison> out = new ArrayList<>();
        for (ConfigNode spec : suite.pairwise()) {
            String type = spec.get("type").map(n -> String.valueOf(n.scalar())).orElse("judge");
            var f = known(types, type, spec, "pairwise", problems);
            var c = f == null ? null : f.create(spec, ids, context);
            if (c != null) out.add(c);
        }
        return List.copyOf(out);
    }

    /** A check must not grade with the model a target answers with, unless the suite says so. */
    private static void sameModel(List<Target> targets, List<BoundCheck> checks, List<CheckSpec> specs, Problems problems) {
        for (int i = 0; i < checks.size(); i++) {
            if (!(checks.get(i).check() instanceof dev.fieldtest.core.spi.GradesWithModel g) || g.allowsSameModel()) continue;
            for (Target t : targets) {
                if (g.graderModel().equals(String.valueOf(t.describe().get("model")))) {
                    problems.add(specs.get(i).settings().location(), "check \"" + checks.get(i).check().name() + "\" grades with " + g.graderModel()
                            + ", the model target \"" + t.id() + "\" answers with", "give the check another `model:`, or set `allow_same_model: true`");
                }
            }
        }
    }

    /** Every name a template uses must be a variable of every case (or id / expected). */
    private static void placeholders(List<Template> templates, List<Case> cases, Problems problems) {
        for (Template t : templates) {
            for (String name : t.names()) {
                List<Case> missing = cases.stream().filter(c -> !CheckInput.templateVars(c).containsKey(name)).toList();
                if (missing.isEmpty()) continue;
                for (Case c : missing.subList(0, Math.min(CASES_NAMED_PER_PLACEHOLDER, missing.size()))) {
                    problems.add(c.location(), "case \"" + c.id() + "\" has no " + (name.equals("expected") ? "expected value" : "variable \"" + name + "\"")
                            + ", which the template at " + t.location() + " uses"
                            + (missing.size() > CASES_NAMED_PER_PLACEHOLDER && c == missing.get(CASES_NAMED_PER_PLACEHOLDER - 1)
                                ? " (and " + (missing.size() - CASES_NAMED_PER_PLACEHOLDER) + " more cases)" : ""),
                            name.equals("expected") ? "add \"expected\" to the case" : "add \"" + name + "\" to the case's vars, or remove {{" + name + "}}");
                }
            }
        }
    }

    @Override
    public void close() {
        targets.forEach(Target::close);
        judges.forEach(Target::close);
    }
}
