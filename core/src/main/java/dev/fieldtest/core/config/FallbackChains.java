package dev.fieldtest.core.config;

import dev.fieldtest.core.run.FallbackTarget;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fallback: [target ids]} key of a target (docs/suite.md): read and checked here, so target factories
 * never see it. Ids name other targets of the same suite's {@code targets:}; unknown ids, a target naming itself,
 * an id listed twice and cycles (a → b → a) are problems at the offending value. Stateless.
 */
public final class FallbackChains {
    public static final String KEY = "fallback";

    private FallbackChains() {}

    /** The spec without its {@code fallback} key: what the target's factory validates and builds from. */
    public static TargetSpec stripped(TargetSpec spec) {
        return spec.settings().has(KEY) ? new TargetSpec(spec.id(), spec.type(), spec.settings().without(KEY), spec.baseDir()) : spec;
    }

    /** Each target's chain as declared (ids in order), only for targets that declare one; problems for bad ones. */
    public static Map<String, List<String>> read(List<TargetSpec> specs, Problems problems) {
        Set<String> ids = new LinkedHashSet<>(specs.stream().map(TargetSpec::id).toList());
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (TargetSpec spec : specs) {
            ConfigNode node = spec.settings().get(KEY).orElse(null);
            if (node == null) continue;
            if (!node.isList() || node.items().isEmpty()) {
                problems.add(node.location(), "fallback of target \"" + spec.id() + "\" must be a non-empty list of target ids, but was " + node.describe(),
                        "write `fallback: [other-target-id]`, naming targets declared under targets:");
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (ConfigNode item : node.items()) {
                String id = item.isString() ? (String) item.scalar() : null;
                if (id == null) {
                    problems.add(item.location(), "a fallback entry of target \"" + spec.id() + "\" must be a target id, but was " + item.describe(), "write the id as a string");
                } else if (id.equals(spec.id())) {
                    problems.add(item.location(), "target \"" + id + "\" lists itself as its fallback", "name another target, or remove this entry");
                } else if (!ids.contains(id)) {
                    String near = Spelling.closest(id, ids);
                    problems.add(item.location(), "fallback of target \"" + spec.id() + "\" names \"" + id + "\", which is not a target of this suite",
                            near != null ? "did you mean \"" + near + "\"?" : "declare it under targets:, or use one of " + String.join(", ", ids));
                } else if (chain.contains(id)) {
                    problems.add(item.location(), "fallback of target \"" + spec.id() + "\" lists \"" + id + "\" twice", "remove the second entry");
                } else {
                    chain.add(id);
                }
            }
            chains.put(spec.id(), chain);
        }
        cycles(specs, chains, problems);
        return chains;
    }

    /** A target reachable from itself along fallback edges would hand a failed call round in circles. */
    private static void cycles(List<TargetSpec> specs, Map<String, List<String>> chains, Problems problems) {
        Set<String> reported = new LinkedHashSet<>();
        for (TargetSpec spec : specs) {
            if (reported.contains(spec.id())) continue; // one problem per cycle, at its first target
            List<String> path = cycleFrom(spec.id(), spec.id(), chains, new ArrayList<>(List.of(spec.id())), new LinkedHashSet<>());
            if (path != null) {
                reported.addAll(path);
                problems.add(spec.settings().get(KEY).orElseThrow().location(), "fallback chains form a cycle: " + String.join(" -> ", path),
                        "remove one of these fallback entries so no target falls back, directly or not, to itself");
            }
        }
    }

    private static List<String> cycleFrom(String origin, String at, Map<String, List<String>> chains, List<String> path, Set<String> seen) {
        for (String next : chains.getOrDefault(at, List.of())) {
            if (next.equals(origin)) {
                List<String> found = new ArrayList<>(path);
                found.add(origin);
                return found;
            }
            if (!seen.add(next)) continue;
            path.add(next);
            List<String> found = cycleFrom(origin, next, chains, path, seen);
            if (found != null) return found;
            path.remove(path.size() - 1);
        }
        return null;
    }

    /** {@code built} with each target that declared a chain wrapped in a {@link FallbackTarget} over the plain targets it names. */
    public static List<Target> wrap(List<Target> built, Map<String, List<String>> chains) {
        Map<String, Target> byId = new LinkedHashMap<>();
        built.forEach(t -> byId.put(t.id(), t));
        List<Target> out = new ArrayList<>();
        for (Target t : built) {
            List<Target> chain = chains.getOrDefault(t.id(), List.of()).stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
            out.add(chain.isEmpty() ? t : new FallbackTarget(t, chain));
        }
        return out;
    }
}
