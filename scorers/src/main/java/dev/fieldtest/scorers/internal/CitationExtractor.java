package dev.fieldtest.scorers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kind: citations}: citation keys in brackets ({@code [smith2020]}: letters then a 2- or 4-digit
 * year, optionally a letter), pandoc keys ({@code [@doe21]}, {@code [@a; @b]}: every {@code @key}), and
 * author–year citations in parentheses ({@code (Author, 2019)}, {@code (Smith and Jones 2020)},
 * {@code (Lee et al., 2018a)}), the last written {@code Author, 2019}. Compared lower-cased, without
 * brackets, parentheses, {@code @} and commas, so an allow-list may write {@code smith2020},
 * {@code [smith2020]} or {@code @smith2020}. Internal, not API.
 */
final class CitationExtractor implements ReferenceExtractor {
    private static final Pattern KEY = Pattern.compile("\\[([A-Za-z][A-Za-z_-]*(?:\\d{4}|\\d{2})[a-z]?)]");
    private static final Pattern PANDOC = Pattern.compile("\\[([^\\[\\]]*@[^\\[\\]]*)]");
    private static final Pattern PANDOC_KEY = Pattern.compile("@([\\w:.-]*\\w)");
    private static final String NAME = "\\p{Lu}[\\p{L}'’-]+";
    private static final Pattern AUTHOR_YEAR = Pattern.compile(
            "\\((" + NAME + "(?:(?:,? and |,? & |, )" + NAME + ")*(?: et al\\.)?),?\\s+(\\d{4}[a-z]?)\\)");

    @Override
    public List<String> extract(String text) {
        record At(int start, String item) {}
        List<At> found = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) found.add(new At(m.start(), m.group(1)));
        m = PANDOC.matcher(text);
        while (m.find()) {
            Matcher k = PANDOC_KEY.matcher(m.group(1));
            while (k.find()) found.add(new At(m.start() + k.start(), k.group(1)));
        }
        m = AUTHOR_YEAR.matcher(text);
        while (m.find()) found.add(new At(m.start(), m.group(1).replaceAll("\\s+", " ") + ", " + m.group(2)));
        found.sort(java.util.Comparator.comparingInt(At::start));
        return found.stream().map(At::item).toList();
    }

    @Override
    public String normalise(String item) {
        return item.replaceAll("[\\[\\]()@,]", " ").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String noun() {
        return "citation";
    }
}
