package dev.fieldtest.core.perturb;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Typing mistakes: {@code rate} of the words (runs of two or more letters; rounded) get one edit each,
 * drawn uniformly from: swap two adjacent different letters, drop a letter, double a letter, or hit a
 * QWERTY neighbour instead of a letter. Every edit changes the word.
 */
public record Typos(double rate) implements TextTransform {
    private static final Map<Character, String> NEIGHBOURS = Map.ofEntries(
            Map.entry('q', "wa"), Map.entry('w', "qeas"), Map.entry('e', "wrsd"), Map.entry('r', "etdf"),
            Map.entry('t', "ryfg"), Map.entry('y', "tugh"), Map.entry('u', "yihj"), Map.entry('i', "uojk"),
            Map.entry('o', "ipkl"), Map.entry('p', "ol"), Map.entry('a', "qwsz"), Map.entry('s', "awedxz"),
            Map.entry('d', "serfcx"), Map.entry('f', "drtgvc"), Map.entry('g', "ftyhbv"), Map.entry('h', "gyujnb"),
            Map.entry('j', "huikmn"), Map.entry('k', "jiolm"), Map.entry('l', "kop"), Map.entry('z', "asx"),
            Map.entry('x', "zsdc"), Map.entry('c', "xdfv"), Map.entry('v', "cfgb"), Map.entry('b', "vghn"),
            Map.entry('n', "bhjm"), Map.entry('m', "njk"));

    @Override
    public String text(String s, Random rnd) {
        List<Words.Span> words = Words.letterRuns(s, 2);
        int[] chosen = Words.choose(words.size(), Words.count(rate, words.size()), rnd);
        return Words.replace(s, words, chosen, w -> typo(w, rnd));
    }

    static String typo(String w, Random rnd) {
        StringBuilder b = new StringBuilder(w);
        switch (rnd.nextInt(4)) {
            case 0 -> {
                int[] swappable = java.util.stream.IntStream.range(0, w.length() - 1).filter(i -> w.charAt(i) != w.charAt(i + 1)).toArray();
                if (swappable.length == 0) return doubled(b, rnd);
                int i = swappable[rnd.nextInt(swappable.length)];
                b.setCharAt(i, w.charAt(i + 1));
                b.setCharAt(i + 1, w.charAt(i));
            }
            case 1 -> b.deleteCharAt(rnd.nextInt(w.length()));
            case 2 -> { return doubled(b, rnd); }
            default -> {
                int i = rnd.nextInt(w.length());
                char c = w.charAt(i);
                String near = NEIGHBOURS.get(Character.toLowerCase(c));
                if (near == null) return doubled(b, rnd); // not a QWERTY letter (é, ß, Cyrillic …)
                char n = near.charAt(rnd.nextInt(near.length()));
                b.setCharAt(i, Character.isUpperCase(c) ? Character.toUpperCase(n) : n);
            }
        }
        return b.toString();
    }

    private static String doubled(StringBuilder b, Random rnd) {
        int i = rnd.nextInt(b.length());
        return b.insert(i, b.charAt(i)).toString();
    }
}
