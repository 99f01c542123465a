package dev.fieldtest.serve.otlp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Trace and span ids. OTLP JSON carries them as hex (the spec) but some exporters send protobuf JSON's base64; both
 * are accepted and unambiguous, since a 16-byte id is 32 hex digits but 22–24 base64 characters (8 bytes: 16 or 11–12).
 */
final class OtlpIds {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private OtlpIds() {}

    /** Lowercase hex of {@code bytes} raw id bytes, or null when it is not {@code size} bytes or all zero (invalid per OTLP). */
    static String hex(byte[] raw, int size) {
        if (raw == null || raw.length != size) return null;
        boolean zero = true;
        for (byte b : raw) zero &= b == 0;
        return zero ? null : HexFormat.of().formatHex(raw);
    }

    /** The id written as hex or base64, as lowercase hex; null when it is neither form of a {@code size}-byte id. */
    static String fromText(String text, int size) {
        if (text == null) return null;
        if (text.length() == size * 2 && HEX.matcher(text).matches()) return hex(HexFormat.of().parseHex(text.toLowerCase()), size);
        try {
            return hex(Base64.getDecoder().decode(text), size);
        } catch (IllegalArgumentException notStandard) {
            try {
                return hex(Base64.getUrlDecoder().decode(text), size);
            } catch (IllegalArgumentException notUrl) {
                return null;
            }
        }
    }
}
