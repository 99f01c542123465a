package dev.fieldtest.scorers.internal;

import dev.fieldtest.core.spi.CheckInput;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a behaviour by phrase patterns: present when any pattern is found in the text. The evidence is the
 * earliest match, quoted with its character position. Each pattern may read the output for at most
 * {@code limit}, since the suite's patterns meet untrusted output. Internal, not API. Thread-safe.
 */
public record PhraseDetector(List<Pattern> patterns, Duration limit) implements BehaviourDetector {
    public PhraseDetector {
        patterns = List.copyOf(patterns);
    }

    @Override
    public Detection detect(CheckInput input) {
        String text = input.text();
        int bestStart = -1;
        String best = null;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(new DeadlineText(text, System.nanoTime() + limit.toNanos()));
            try {
                if (m.find() && (best == null || m.start() < bestStart)) {
                    bestStart = m.start();
                    best = m.group();
                }
            } catch (DeadlineText.Expired e) {
                return Detection.unmeasured("gave up matching /" + Quote.shorten(p.pattern(), 40) + "/ after "
                        + limit.toMillis() + " ms on this output; the pattern backtracks too much, simplify it");
            }
        }
        if (best == null) return Detection.absent();
        return Detection.found(Quote.of(best) + " at character " + (text.codePointCount(0, bestStart) + 1));
    }
}
