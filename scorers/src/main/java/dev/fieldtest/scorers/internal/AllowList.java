package dev.fieldtest.scorers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.CheckInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references a {@code no-invented-references} check accepts: fixed entries (from {@code allow_file},
 * {@code allow_dir} and constant {@code allow} items), read when the suite loads, plus {@code allow}
 * templates rendered for each case. A rendered template that is a JSON list of texts (a list variable
 * such as {@code {{context_urls}}}) gives one entry per element; any other text gives one entry per
 * non-blank line. Entries are compared in the extractor's normal form; for paths an entry also allows
 * every ending of it at a slash, so {@code Foo.java} and {@code java/Foo.java} are allowed by
 * {@code src/main/java/Foo.java}. Internal, not API. Immutable and thread-safe.
 */
final class AllowList {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferenceExtractor kind;
    private final Set<String> fixed = new HashSet<>();
    private final Map<String, List<String>> byLastPart = new HashMap<>();
    private final List<Template> perCase;

    AllowList(ReferenceExtractor kind, List<String> entries, List<Template> perCase) {
        this.kind = kind;
        this.perCase = List.copyOf(perCase);
        for (String e : entries) {
            String n = kind.normalise(e);
            if (n.isEmpty()) continue;
            fixed.add(n);
            byLastPart.computeIfAbsent(lastPart(n), k -> new ArrayList<>()).add(n);
        }
    }

    /** The entries for one case: the rendered templates, normalised. */
    Set<String> forCase(CheckInput input) {
        Set<String> out = new HashSet<>();
        for (Template t : perCase) {
            for (String item : items(input.render(t))) {
                String n = kind.normalise(item);
                if (!n.isEmpty()) out.add(n);
            }
        }
        return out;
    }

    /** Whether the normalised reference {@code n} is allowed, given the case's own entries. */
    boolean allows(String n, Set<String> caseEntries) {
        if (fixed.contains(n) || caseEntries.contains(n)) return true;
        if (!kind.matchesBySuffix()) return false;
        for (String e : byLastPart.getOrDefault(lastPart(n), List.of())) if (e.endsWith("/" + n)) return true;
        for (String e : caseEntries) if (e.endsWith("/" + n)) return true;
        return false;
    }

    static List<String> items(String rendered) {
        String s = rendered.trim();
        if (s.startsWith("[")) {
            try {
                List<?> list = JSON.readValue(s, List.class);
                return list.stream().filter(x -> x != null).map(String::valueOf).toList();
            } catch (JsonProcessingException notJson) {
                // "[smith2020]" is a citation, not a JSON list: read it as text
            }
        }
        return s.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static String lastPart(String n) {
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
