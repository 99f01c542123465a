package dev.fieldtest.embedded.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a token sequence into windows of at most {@code size} tokens, never inside a word (a window ends
 * before a {@code ##} continuation piece) unless one word alone is longer than a window. An empty text is
 * one empty window, so it still gets an embedding. Internal, not API. Stateless.
 */
final class Windows {
    private Windows() {}

    static List<int[]> split(Tokens tokens, int size) {
        if (size < 1) throw new IllegalArgumentException("window must hold at least 1 token, but was " + size);
        int n = tokens.size();
        List<int[]> out = new ArrayList<>();
        int from = 0;
        do {
            int to = Math.min(from + size, n);
            if (to < n) {
                int end = to;
                while (end > from && tokens.continues()[end]) end--;
                if (end > from) to = end;
            }
            out.add(Arrays.copyOfRange(tokens.ids(), from, to));
            from = to;
        } while (from < n);
        return out;
    }
}
