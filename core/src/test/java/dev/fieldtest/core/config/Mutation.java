package dev.fieldtest.core.config;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a valid file, as a fuzzer would make it: delete, duplicate or swap lines, insert or overwrite random
 * bytes, truncate. Positions are taken modulo the current size, so any list of mutations applies to any file.
 */
record Mutation(Kind kind, int a, int b, byte[] bytes) {
    enum Kind { DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INSERT_BYTES, OVERWRITE_BYTES, TRUNCATE }

    static Arbitrary<Mutation> arbitrary() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 100_000), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(Mutation::new);
    }

    static byte[] applyAll(byte[] file, List<Mutation> mutations) {
        byte[] out = file;
        for (Mutation m : mutations) out = m.apply(out);
        return out;
    }

    byte[] apply(byte[] file) {
        return switch (kind) {
            case DELETE_LINE, DUPLICATE_LINE, SWAP_LINES -> lines(file);
            case INSERT_BYTES -> splice(file, a % (file.length + 1), 0);
            case OVERWRITE_BYTES -> splice(file, a % (file.length + 1), Math.min(bytes.length, file.length - a % (file.length + 1)));
            case TRUNCATE -> Arrays.copyOf(file, a % (file.length + 1));
        };
    }

    private byte[] splice(byte[] file, int at, int replaced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, at);
        out.writeBytes(bytes);
        out.write(file, at + replaced, file.length - at - replaced);
        return out.toByteArray();
    }

    private byte[] lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(Arrays.copyOfRange(file, start, i + 1));
                start = i + 1;
            }
        }
        if (start < file.length) lines.add(Arrays.copyOfRange(file, start, file.length));
        if (lines.isEmpty()) return file;
        int i = a % lines.size();
        int j = b % lines.size();
        switch (kind) {
            case DELETE_LINE -> lines.remove(i);
            case DUPLICATE_LINE -> lines.add(j, lines.get(i));
            default -> {
                byte[] t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return kind + "(" + a + ", " + b + ", " + Arrays.toString(bytes) + ")";
    }
}
