package dev.fieldtest.scorers.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pattern: <regex>}: every match is a reference, its group 1 when the pattern has a group and it
 * took part in the match, otherwise the whole match; surrounding whitespace is dropped and empty items
 * are skipped. Compared exactly. The pattern may read the output for at most {@code limit}
 * ({@link DeadlineText.Expired} otherwise). Internal, not API.
 */
record PatternExtractor(Pattern pattern, Duration limit) implements ReferenceExtractor {
    @Override
    public List<String> extract(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(new DeadlineText(text, System.nanoTime() + limit.toNanos()));
        while (m.find()) {
            String item = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            if (!item.isBlank()) out.add(item.trim());
        }
        return out;
    }

    @Override
    public String normalise(String item) {
        return item.trim();
    }

    @Override
    public String noun() {
        return "reference";
    }
}
