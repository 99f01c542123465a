package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code no-invented-references}: finds the references in the output ({@code kind: paths|urls|citations}
 * or {@code pattern:}) and fails when any is not on the allow-list ({@code allow}, {@code allow_file},
 * {@code allow_dir}; see {@link AllowList}). Every invented reference becomes a finding
 * {@code invented:<item as written>}, once per output however often it occurs; the detail names up to
 * {@value #SHOWN}. An output with no references passes. Internal, not API. Thread-safe.
 */
public record NoInventedReferencesCheck(String name, ReferenceExtractor kind, AllowList allowed) implements Check {
    static final int SHOWN = 5;

    public static Check build(Settings s) {
        ConfigReader r = s.allow("kind", "pattern", "allow", "allow_file", "allow_dir");
        ReferenceExtractor kind = kind(s, r);
        ConfigNode allow = r.get("allow").orElse(null), file = r.get("allow_file").orElse(null), dir = r.get("allow_dir").orElse(null);
        if (allow == null && file == null && dir == null && s.node().isMap()) {
            s.problem(s.node(), s.node().path() + " needs 'allow', 'allow_file' or 'allow_dir'",
                    "list the references the output may use, or name a file or folder that holds them");
        }
        List<String> fixed = new ArrayList<>();
        List<Template> perCase = new ArrayList<>();
        if (allow != null) {
            for (Template t : s.templates(allow)) {
                if (t == null) continue;
                if (t.isConstant()) fixed.addAll(AllowList.items(t.source()));
                else perCase.add(t);
            }
        }
        if (file != null) fixed.addAll(AllowSources.file(s, file));
        if (dir != null) fixed.addAll(AllowSources.dir(s, dir));
        return s.finish(kind == null ? null : new NoInventedReferencesCheck(s.name(), kind, new AllowList(kind, fixed, perCase)));
    }

    private static ReferenceExtractor kind(Settings s, ConfigReader r) {
        ConfigNode kind = r.get("kind").orElse(null);
        if (kind != null && r.has("pattern")) {
            s.problem(r.get("pattern").get(), "give kind or pattern, not both", "remove one of them");
            return null;
        }
        if (r.has("pattern")) {
            Pattern p = r.regex("pattern");
            return p == null ? null : new PatternExtractor(p, RegexCheck.LIMIT);
        }
        if (kind == null) {
            s.required("kind", "add kind: paths, kind: urls or kind: citations, or pattern: with a regular expression");
            return null;
        }
        ReferenceExtractor e = kind.isString() ? ReferenceExtractor.ofKind((String) kind.scalar()) : null;
        if (e == null) {
            s.problem(kind, kind.path() + " must be paths, urls or citations, but was " + kind.describe(),
                    "for other references, give pattern: with a regular expression instead");
        }
        return e;
    }

    @Override
    public Verdict check(CheckInput input) {
        if (input.text() == null) return Verdict.fail(name, "no output to check (the call failed)");
        List<String> found;
        try {
            found = kind.extract(input.text());
        } catch (DeadlineText.Expired e) {
            return Verdict.unmeasured(name, "gave up matching the pattern after " + RegexCheck.LIMIT.toMillis()
                    + " ms on this output; the pattern backtracks too much, simplify it");
        }
        Set<String> caseEntries = allowed.forCase(input);
        Map<String, String> distinct = new LinkedHashMap<>(); // normal form -> first spelling
        for (String item : found) distinct.putIfAbsent(kind.normalise(item), item);
        List<String> invented = distinct.entrySet().stream()
                .filter(e -> !allowed.allows(e.getKey(), caseEntries)).map(Map.Entry::getValue).toList();
        if (invented.isEmpty()) return Verdict.pass(name);
        String shown = invented.stream().limit(SHOWN).map(Quote::of).collect(Collectors.joining(", "))
                + (invented.size() > SHOWN ? " and " + (invented.size() - SHOWN) + " more" : "");
        String detail = invented.size() + " of " + distinct.size() + " " + kind.noun() + (distinct.size() == 1 ? "" : "s")
                + " not on the allow-list: " + shown;
        return Verdict.fail(name, detail).withFindings(invented.stream().map(i -> "invented:" + Quote.shorten(i, 200)).toList());
    }
}
