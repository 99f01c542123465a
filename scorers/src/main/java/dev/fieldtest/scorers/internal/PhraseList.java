package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.config.ConfigNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a list of phrase patterns from a check's settings: a regex or a list of them, each compiled
 * case-insensitively (Unicode case rules) when the suite loads. Every bad item is reported at its own
 * location. Internal, not API.
 */
final class PhraseList {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private PhraseList() {}

    /** The built-in sources, compiled; they are tested, so they compile. */
    static List<Pattern> compile(List<String> sources) {
        return sources.stream().map(s -> Pattern.compile(s, FLAGS)).toList();
    }

    /** The patterns under {@code n} (a text or a list of texts); bad items are reported and left out. */
    static List<Pattern> read(Settings s, ConfigNode n, boolean mayBeEmpty) {
        List<ConfigNode> items = n.isList() ? n.items() : List.of(n);
        if (n.isMap()) {
            s.problem(n, n.path() + " must be a regular expression or a list of them, but was a map", null);
            return List.of();
        }
        if (items.isEmpty() && !mayBeEmpty) {
            s.problem(n, n.path() + " must list at least one regular expression, but the list is empty",
                    "list the phrases to look for, or remove the key to use the built-in ones");
        }
        List<Pattern> out = new ArrayList<>();
        for (ConfigNode item : items) {
            if (!item.isString() || ((String) item.scalar()).isEmpty()) {
                s.problem(item, item.path() + " must be a non-empty regular expression, but was " + item.describe(), null);
                continue;
            }
            try {
                Pattern p = Pattern.compile((String) item.scalar(), FLAGS);
                if (p.matcher("").find()) {
                    s.problem(item, item.path() + " matches an empty text, so it would find the behaviour in every output",
                            "make the pattern require at least one character, e.g. use + instead of *");
                } else {
                    out.add(p);
                }
            } catch (PatternSyntaxException e) {
                s.problem(item, item.path() + " is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex(),
                        "escape special characters such as ( [ { . * + ? with a backslash");
            }
        }
        return out;
    }
}
