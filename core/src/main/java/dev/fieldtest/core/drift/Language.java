package dev.fieldtest.core.drift;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small language guess (docs/drift.md), not a classifier. By script first: when more than half the letters are
 * Hangul it says {@code ko}; Han and kana with at least 10 % kana {@code ja}; Han ideographs {@code zh}; Cyrillic {@code ru}; Arabic {@code ar};
 * Greek {@code el}. For Latin letters it counts whole-word hits of a few very common words per language (en, de, fr,
 * es, it, pt, nl) and says the language with the most hits when it has at least 2 and no other language ties it.
 * Anything else is {@code und} (undetermined); a text with fewer than 3 letters is {@code none}.
 */
public final class Language {
    private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>();

    static {
        STOPWORDS.put("en", Set.of("the", "and", "is", "are", "to", "of", "my", "you", "i", "it", "how", "what", "do", "can", "with", "for", "this", "not"));
        STOPWORDS.put("de", Set.of("der", "die", "das", "und", "ist", "ich", "nicht", "mit", "ein", "eine", "wie", "mein", "meine", "kann", "zu", "auf"));
        STOPWORDS.put("fr", Set.of("le", "la", "les", "et", "est", "je", "pas", "une", "des", "mon", "ma", "comment", "pour", "avec", "vous", "du"));
        STOPWORDS.put("es", Set.of("el", "los", "las", "y", "es", "yo", "no", "una", "mi", "como", "cómo", "para", "con", "que", "qué", "por", "del"));
        STOPWORDS.put("it", Set.of("il", "lo", "gli", "e", "è", "sono", "non", "una", "mio", "mia", "come", "per", "con", "che", "di", "della"));
        STOPWORDS.put("pt", Set.of("o", "os", "as", "e", "é", "eu", "não", "uma", "meu", "minha", "como", "para", "com", "que", "do", "da"));
        STOPWORDS.put("nl", Set.of("de", "het", "een", "en", "is", "ik", "niet", "mijn", "hoe", "voor", "met", "van", "wat", "kan", "je", "op"));
    }

    private Language() {}

    public static String of(String text) {
        int letters = 0, latin = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, greek = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> arabic++;
                case GREEK -> greek++;
                default -> { }
            }
        }
        if (letters < 3) return "none";
        // Japanese mixes kanji (Han) with kana, so any sizeable kana share decides before Han does.
        if (2 * hangul > letters) return "ko";
        if (10 * kana >= letters && 2 * (kana + han) > letters) return "ja";
        if (2 * han > letters) return "zh";
        if (2 * cyrillic > letters) return "ru";
        if (2 * arabic > letters) return "ar";
        if (2 * greek > letters) return "el";
        return 2 * latin > letters ? latin(text) : "und";
    }

    private static String latin(String text) {
        String best = "und";
        int bestHits = 0;
        boolean tie = false;
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (var e : STOPWORDS.entrySet()) {
            int hits = 0;
            for (String w : words) if (e.getValue().contains(w)) hits++;
            if (hits > bestHits) {
                best = e.getKey();
                bestHits = hits;
                tie = false;
            } else if (hits == bestHits && hits > 0) {
                tie = true;
            }
        }
        return bestHits >= 2 && !tie ? best : "und";
    }
}
