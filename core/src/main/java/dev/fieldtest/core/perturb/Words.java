package dev.fieldtest.core.perturb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spans of text and deterministic sampling shared by the transforms. */
final class Words {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern GAP = Pattern.compile("\\s+");

    private Words() {}

    /** A span [start, end) of a text. */
    record Span(int start, int end) {
        String of(String s) {
            return s.substring(start, end);
        }
    }

    /** Runs of letters at least {@code minLength} long. */
    static List<Span> letterRuns(String s, int minLength) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
            if (i - start >= minLength) out.add(new Span(start, i));
        }
        return out;
    }

    /** Whitespace-separated tokens. */
    static List<Span> tokens(String s) {
        return spans(TOKEN.matcher(s));
    }

    /** Runs of whitespace. */
    static List<Span> gaps(String s) {
        return spans(GAP.matcher(s));
    }

    private static List<Span> spans(Matcher m) {
        List<Span> out = new ArrayList<>();
        while (m.find()) out.add(new Span(m.start(), m.end()));
        return out;
    }

    /** How many of {@code n} items a rate touches: rounded, so rates hold exactly on long texts. */
    static int count(double rate, int n) {
        return (int) Math.min(n, Math.round(rate * n));
    }

    /** {@code k} distinct indices of {@code 0..n-1}, ascending: a partial Fisher-Yates shuffle. */
    static int[] choose(int n, int k, Random rnd) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, k);
        Arrays.sort(picked);
        return picked;
    }

    /** Replaces the chosen spans, last first so earlier offsets stay valid. */
    static String replace(String s, List<Span> spans, int[] chosen, java.util.function.Function<String, String> change) {
        String[] replacements = new String[chosen.length];
        // Changes run first to last so the random draws follow the text's order.
        for (int i = 0; i < chosen.length; i++) replacements[i] = change.apply(spans.get(chosen[i]).of(s));
        StringBuilder out = new StringBuilder(s);
        for (int i = chosen.length - 1; i >= 0; i--) {
            Span sp = spans.get(chosen[i]);
            out.replace(sp.start(), sp.end(), replacements[i]);
        }
        return out.toString();
    }
}
