package dev.fieldtest.core.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Checks that a file's bytes are UTF-8, so a bad byte is reported at its own line rather than as a parser failure at 1:1. */
final class Utf8 {
    private Utf8() {}

    /** The problem at the first malformed byte of {@code file}, if it has one (an unreadable file has none). */
    static java.util.Optional<ConfigException> problem(Path file) {
        try {
            require(java.nio.file.Files.readAllBytes(file), file);
            return java.util.Optional.empty();
        } catch (ConfigException e) {
            return java.util.Optional.of(e);
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Throws a {@link ConfigException} at the line and column of the first malformed byte of {@code bytes}, if any. */
    static void require(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) return;
        // The decoder stops at the bad byte: the characters decoded so far give its line and column.
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        throw new ConfigException(new Location(file, line, column), String.format("not valid UTF-8 at line %d column %d (byte 0x%02X)",
                line, column, bytes[in.position()] & 0xFF), "save the file as UTF-8");
    }
}
