package dev.fieldtest.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that must never reach results, reports, logs or the store. Whatever reads a secret (an API key
 * from the environment, an auth header) registers it here; everything that writes text a person or file
 * will see passes it through {@link #redact}. Thread-safe; process-wide.
 */
public final class Secrets {
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /** Shorter values are not registered: redacting them would garble ordinary text. */
    private static final int MIN_LENGTH = 6;

    private Secrets() {}

    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) KNOWN.add(secret);
    }

    /** The text with every registered secret replaced by {@code [REDACTED]}; null stays null. */
    public static String redact(String text) {
        if (text == null || KNOWN.isEmpty()) return text;
        String out = text;
        for (String s : KNOWN) {
            if (out.contains(s)) out = out.replace(s, "[REDACTED]");
        }
        return out;
    }
}
