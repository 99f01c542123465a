package dev.fieldtest.core.perturb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Unicode look-alikes: {@code rate} of the letters that have a look-alike (rounded) are replaced by it —
 * Cyrillic а е о р с х у і ѕ ј and capitals, Greek ν Ν Ζ. The text reads the same to a person but not to
 * a tokenizer or an exact-match filter.
 */
public record Homoglyphs(double rate) implements TextTransform {
    static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('a', '\u0430'), Map.entry('c', '\u0441'), Map.entry('e', '\u0435'), Map.entry('o', '\u043E'),
            Map.entry('p', '\u0440'), Map.entry('x', '\u0445'), Map.entry('y', '\u0443'), Map.entry('i', '\u0456'),
            Map.entry('s', '\u0455'), Map.entry('j', '\u0458'), Map.entry('v', '\u03BD'),
            Map.entry('A', '\u0410'), Map.entry('B', '\u0412'), Map.entry('C', '\u0421'), Map.entry('E', '\u0415'),
            Map.entry('H', '\u041D'), Map.entry('K', '\u041A'), Map.entry('M', '\u041C'), Map.entry('O', '\u041E'),
            Map.entry('P', '\u0420'), Map.entry('T', '\u0422'), Map.entry('X', '\u0425'), Map.entry('Y', '\u0423'),
            Map.entry('I', '\u0406'), Map.entry('N', '\u039D'), Map.entry('Z', '\u0396'));

    @Override
    public String text(String s, Random rnd) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) if (LOOK_ALIKES.containsKey(s.charAt(i))) eligible.add(i);
        int[] chosen = Words.choose(eligible.size(), Words.count(rate, eligible.size()), rnd);
        char[] out = s.toCharArray();
        for (int k : chosen) out[eligible.get(k)] = LOOK_ALIKES.get(out[eligible.get(k)]);
        return new String(out);
    }
}
