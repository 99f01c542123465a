package dev.fieldtest.core.perturb;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Removes the most specific details, leaving a question that cannot be answered as asked: every token
 * holding a digit (numbers, dates, order ids), an id-like mark (_ # @ or a capital after the first
 * letter, as in "iPhone" or "ABC-12"), or a capitalised word that does not start a sentence (a proper
 * noun). Punctuation around a removed token stays ("order 12345?" becomes "order?"). When nothing is
 * specific, the longest word goes (the first of equals). Needs no randomness.
 */
public record Ambiguous() implements TextTransform {
    private static final Pattern EDGE = Pattern.compile("^(\\p{P}*)(.*?)(\\p{P}*)$", Pattern.DOTALL);

    @Override
    public String text(String s, Random rnd) {
        List<Words.Span> tokens = Words.tokens(s);
        boolean[] drop = new boolean[tokens.size()];
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            boolean sentenceStart = i == 0 || tokens.get(i - 1).of(s).matches(".*[.!?:]\\p{Pf}?[\"')]?$");
            drop[i] = specific(core(tokens.get(i).of(s)), sentenceStart);
            any |= drop[i];
        }
        if (!any && !tokens.isEmpty()) drop[longest(s, tokens)] = true;
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Words.Span t = tokens.get(i);
            String gap = s.substring(last, t.start());
            last = t.end();
            if (!drop[i]) {
                out.append(gap).append(t.of(s));
                continue;
            }
            var m = EDGE.matcher(t.of(s));
            m.matches();
            String kept = m.group(1) + m.group(3);
            if (!kept.isEmpty()) out.append(kept); // punctuation joins the word before it
        }
        out.append(s.substring(last));
        return Character.isWhitespace(s.isEmpty() ? 'x' : s.charAt(0)) ? out.toString() : out.toString().stripLeading();
    }

    private static String core(String token) {
        var m = EDGE.matcher(token);
        return m.matches() ? m.group(2) : token;
    }

    static boolean specific(String w, boolean sentenceStart) {
        if (w.isEmpty()) return false;
        if (w.chars().anyMatch(Character::isDigit)) return true;
        if (w.contains("_") || w.contains("#") || w.contains("@")) return true;
        if (w.length() > 1 && w.substring(1).chars().anyMatch(Character::isUpperCase)) return true;
        return !sentenceStart && Character.isUpperCase(w.charAt(0)) && !w.equals("I");
    }

    private static int longest(String s, List<Words.Span> tokens) {
        int best = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (core(tokens.get(i).of(s)).length() > core(tokens.get(best).of(s)).length()) best = i;
        }
        return best;
    }
}
