package dev.fieldtest.scorers.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/**
 * The two delimiter lines that fence untrusted text in a judge prompt, such as
 * {@code <<<ANSWER-3f9c0a1b2c3d4e5f>>>} and {@code <<<END-ANSWER-3f9c0a1b2c3d4e5f>>>}. The token is random per
 * call, so an output cannot close the fence early: it cannot know the token, and when it happens to contain
 * it the token is drawn again. Internal, not API. Immutable; {@link #around} is thread-safe.
 */
public record Fence(String token, String open, String close) {
    /** 64 random bits: guessing them is hopeless, and they are short enough not to bloat the prompt. */
    private static final int TOKEN_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fence with label {@code ANSWER} whose token occurs in none of {@code texts}. */
    public static Fence around(String... texts) {
        return labelled("ANSWER", texts);
    }

    /** A fence with this label (such as {@code CONTEXT}) whose token occurs in none of {@code texts}. */
    public static Fence labelled(String label, String... texts) {
        return around(RANDOM, label, texts);
    }

    /** A fence with this label (such as {@code ANSWER-A}); {@code random} only differs in tests. */
    public static Fence around(Random random, String label, String... texts) {
        while (true) {
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes); // Random and SecureRandom are both thread-safe
            String token = HexFormat.of().formatHex(bytes);
            if (!occursIn(token, texts)) return new Fence(token, "<<<" + label + "-" + token + ">>>", "<<<END-" + label + "-" + token + ">>>");
        }
    }

    /** {@code text} between the two delimiter lines. */
    public String wrap(String text) {
        return open + "\n" + text + "\n" + close;
    }

    private static boolean occursIn(String token, String... texts) {
        for (String t : texts) {
            if (t != null && t.toLowerCase(java.util.Locale.ROOT).contains(token)) return true;
        }
        return false;
    }
}
