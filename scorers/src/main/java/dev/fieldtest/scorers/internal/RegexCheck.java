package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code regex}: passes when {@code pattern} (or {@code value}) is found anywhere in the text. The pattern
 * is a Java regular expression compiled when the suite loads, not a template; flags go inline, such as
 * {@code (?i)} for case-insensitive or {@code (?s)} for a dot that matches newlines. A match that takes
 * longer than {@code limit} fails the check instead of holding the run. Internal, not API.
 */
public record RegexCheck(String name, Pattern pattern, Duration limit) implements Check {
    /** How long one match may take; ordinary patterns take microseconds. */
    public static final Duration LIMIT = Duration.ofSeconds(1);

    public static Check build(Settings s) {
        ConfigReader reader = s.allow("pattern", "value");
        if (reader.get("pattern").isPresent() && reader.get("value").isPresent()) {
            s.problem(reader.get("value").get(), "give the regular expression in pattern or in value, not both", "remove value");
            return s.finish(null);
        }
        String key = reader.get("value").isPresent() ? "value" : "pattern";
        if (s.required(key, "add pattern: with a regular expression, such as '(?i)\\brefund\\b'") == null) return s.finish(null);
        Pattern pattern = reader.regex(key);
        return s.finish(pattern == null ? null : new RegexCheck(s.name(), pattern, LIMIT));
    }

    @Override
    public Verdict check(CheckInput input) {
        String text = input.text();
        Matcher m = pattern.matcher(new DeadlineText(text, System.nanoTime() + limit.toNanos()));
        try {
            if (m.find()) return Verdict.pass(name);
        } catch (DeadlineText.Expired e) {
            return Verdict.fail(name, "gave up matching /" + Quote.shorten(pattern.pattern(), 40) + "/ after "
                    + limit.toMillis() + " ms on this output; the pattern backtracks too much, simplify it");
        }
        String output = text.isEmpty() ? "; the output is empty" : " in " + Quote.of(text);
        return Verdict.fail(name, "no match for /" + Quote.shorten(pattern.pattern(), 40) + "/" + output);
    }
}
