package dev.fieldtest.scorers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kind: urls}: http and https URLs. A URL ends at whitespace, a quote, {@code <>}, a closing
 * bracket or parenthesis (so markdown links and "(see https://…)" read right); trailing sentence
 * punctuation is not part of it. Compared with the scheme and host lower-cased and trailing slashes
 * removed, so {@code HTTPS://Example.com/docs/} equals {@code https://example.com/docs}. Internal, not API.
 */
final class UrlExtractor implements ReferenceExtractor {
    static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`)\\]]+");
    private static final Pattern PARTS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)", Pattern.DOTALL);

    @Override
    public List<String> extract(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?]+$", "");
            if (url.indexOf("://") + 3 < url.length()) out.add(url);
        }
        return out;
    }

    @Override
    public String normalise(String item) {
        String s = item.trim();
        Matcher m = PARTS.matcher(s);
        if (m.matches()) s = m.group(1).toLowerCase(Locale.ROOT) + m.group(2).toLowerCase(Locale.ROOT) + m.group(3);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') end--;
        return s.substring(0, end);
    }

    @Override
    public String noun() {
        return "URL";
    }
}
