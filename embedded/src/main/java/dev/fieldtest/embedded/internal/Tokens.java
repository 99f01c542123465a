package dev.fieldtest.embedded.internal;

import java.util.Arrays;

/**
 * A text's WordPiece token ids (without [CLS] and [SEP]) and, for each, whether it continues the previous
 * word (a {@code ##} piece), so windows never cut a word. Internal, not API. Treat as immutable.
 */
record Tokens(int[] ids, boolean[] continues) {
    int size() {
        return ids.length;
    }

    /** Collects tokens while a text is split; a word that turns out unknown is taken back with {@link #truncate}. */
    static final class Builder {
        private int[] ids = new int[64];
        private boolean[] continues = new boolean[64];
        private int size;

        void add(int id, boolean continuation) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                continues = Arrays.copyOf(continues, size * 2);
            }
            ids[size] = id;
            continues[size++] = continuation;
        }

        int size() {
            return size;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        Tokens build() {
            return new Tokens(Arrays.copyOf(ids, size), Arrays.copyOf(continues, size));
        }
    }
}
