package dev.fieldtest.core.perturb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * The random source of one perturbed value. Seeded from SHA-256 rather than {@link String#hashCode}
 * or {@link java.util.Objects#hash}, so the same suite gives byte-identical variants on every JVM and
 * machine, and different cases, variants and vars get unrelated noise.
 */
public final class Seeds {
    private Seeds() {}

    /** A 64-bit hash of the suite's seed and the parts (variant name, case id, var name). */
    public static long of(long seed, String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (int i = 7; i >= 0; i--) sha.update((byte) (seed >>> (8 * i)));
        for (String p : parts) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently.
            sha.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
            sha.update(b);
        }
        byte[] d = sha.digest();
        long h = 0;
        for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xFF);
        return h;
    }

    public static Random random(long seed, String... parts) {
        return new Random(of(seed, parts));
    }
}
