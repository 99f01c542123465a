package dev.fieldtest.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Percent-encoding for the dashboard's URLs. A raw path is split on '/' before decoding, so an encoded slash
 * ({@code %2F}) stays inside its segment: a decoded segment is only ever a key to look up, never part of a file path.
 */
final class Uris {
    private Uris() {}

    /** The decoded segments of a raw path: "/" → [], "/runs/a%2Fb" → [runs, a/b]. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) return out;
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        for (String s : p.split("/", -1)) out.add(decode(s, false));
        return out;
    }

    /** Query parameters; a name given twice, a name outside {@code allowed} or a malformed escape is a 400. */
    static Map<String, String> query(String rawQuery, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true), value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            if (!allowed.contains(name)) {
                throw HttpProblem.badRequest("unknown query parameter \"" + name + "\"; this page takes " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
            }
            if (out.put(name, value) != null) throw HttpProblem.badRequest("query parameter \"" + name + "\" is given twice; give it once");
        }
        return out;
    }

    /** One path segment or query value, every byte outside A-Z a-z 0-9 - . _ ~ percent-encoded as UTF-8. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') out.append((char) c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return out.toString();
    }

    /** Strict percent-decoding as UTF-8; '+' is a space only in a query. */
    static String decode(String s, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1, lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw HttpProblem.badRequest("malformed percent-escape in \"" + s + "\": % must be followed by two hex digits");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("\"" + s + "\" does not decode as UTF-8");
        }
    }
}
