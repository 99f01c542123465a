package dev.fieldtest.scorers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kind: paths}: file paths such as {@code src/main/Foo.java}, {@code ./a/b.txt} or
 * {@code /etc/x.conf}. A path is a run of letters, digits and {@code _ . / ~ + -} that contains a slash
 * and whose last part has an extension starting with a letter ({@code .java}, {@code .conf}); a bare file
 * name ({@code README.md}) counts when its extension is a common source, config or document one, so
 * "e.g.", "3.14" and "Node.js"-style names in prose are mostly left alone. URLs are not paths. Compared
 * without a leading {@code ./}. Internal, not API.
 */
final class PathExtractor implements ReferenceExtractor {
    private static final Pattern TOKEN = Pattern.compile("[\\w./~+-]+");
    private static final Pattern LAST_PART = Pattern.compile("[\\w.+~-]*[\\w+~-]\\.[A-Za-z][A-Za-z0-9]{0,9}");
    private static final Set<String> BARE_EXTENSIONS = Set.of(
            "java", "kt", "kts", "scala", "groovy", "py", "rb", "go", "rs", "c", "h", "cc", "cpp", "hpp", "cs",
            "ts", "tsx", "jsx", "mjs", "php", "swift", "sh", "bash", "ps1", "sql", "gradle", "md", "rst", "txt",
            "json", "jsonl", "yaml", "yml", "toml", "xml", "html", "css", "conf", "cfg", "ini", "properties",
            "env", "csv", "tsv", "log", "lock", "pdf", "docx", "xlsx", "png", "jpg", "svg", "dockerfile");

    @Override
    public List<String> extract(String text) {
        // URLs contain slashes and dots too; blank them out first, keeping offsets.
        String rest = UrlExtractor.URL.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(rest);
        while (m.find()) {
            String token = m.group().replaceAll("[.]+$", "");
            if (isPath(token)) out.add(token);
        }
        return out;
    }

    static boolean isPath(String token) {
        if (token.contains("//")) return false;
        String last = token.substring(token.lastIndexOf('/') + 1);
        if (!LAST_PART.matcher(last).matches()) return false;
        if (token.indexOf('/') >= 0) return true;
        String ext = last.substring(last.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return BARE_EXTENSIONS.contains(ext);
    }

    @Override
    public String normalise(String item) {
        String s = item.trim();
        while (s.startsWith("./")) s = s.substring(2);
        return s;
    }

    @Override
    public String noun() {
        return "path";
    }

    @Override
    public boolean matchesBySuffix() {
        return true;
    }
}
