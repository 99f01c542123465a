package dev.fieldtest.scorers.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content words of a text, for lexical grounding: runs of letters and digits, lower-cased, without
 * English stop-words, each reduced by a simple suffix stemmer so "refunds", "refunded" and "refunding"
 * meet "refund". The stemmer only has to treat both sides alike, not find real roots. Negations such as
 * "not" are stop-words too, so lexical grounding cannot tell a claim from its denial. Internal, not API.
 */
public final class ContentWords {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final Set<String> STOP_WORDS = Set.of(("a an the and or but if then else of to in on at by for with from into onto about as "
            + "is are was were be been being am do does did done have has had having it its this that these those there here "
            + "i me my we us our you your he him his she her they them their what which who whom whose when where why how "
            + "not no nor so too very can could will would shall should may might must also just only than such some any all "
            + "each both more most other own same few up down out over under again further once s t d ll m re ve don doesn "
            + "didn isn aren wasn weren won wouldn shouldn couldn hasn haven hadn yes ok okay please via per because while "
            + "during before after above below between through until against off").split(" "));

    private ContentWords() {}

    /** The distinct stemmed content words of {@code text}, in order of first use. */
    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!STOP_WORDS.contains(m.group())) out.add(stem(m.group()));
        }
        return out;
    }

    /** -ies/-ied → y, -ses/-xes/-zes/-ches/-shes → drop "es", other -s (not -ss, -us, -is) → drop it; then -ing or -ed, undoing a doubled consonant; then a final e. */
    static String stem(String w) {
        if (w.length() <= 3) return w;
        String s = w;
        if (s.endsWith("ies") || s.endsWith("ied")) s = s.substring(0, s.length() - 3) + "y";
        else if (s.endsWith("ses") || s.endsWith("xes") || s.endsWith("zes") || s.endsWith("ches") || s.endsWith("shes")) s = cut(s, 2);
        else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) s = cut(s, 1);
        boolean cut = false;
        if (s.endsWith("ing") && s.length() - 3 >= 3) { s = cut(s, 3); cut = true; }
        else if (s.endsWith("ed") && s.length() - 2 >= 3) { s = cut(s, 2); cut = true; }
        int n = s.length();
        if (cut && n >= 2 && s.charAt(n - 1) == s.charAt(n - 2) && "lsz".indexOf(s.charAt(n - 1)) < 0 && !Character.isDigit(s.charAt(n - 1))) {
            s = cut(s, 1);
        }
        if (s.endsWith("e") && s.length() > 3) s = cut(s, 1);
        return s;
    }

    private static String cut(String s, int n) {
        return s.substring(0, s.length() - n);
    }
}
