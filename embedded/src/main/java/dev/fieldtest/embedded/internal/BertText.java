package dev.fieldtest.embedded.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The uncased BERT text pipeline both shipped models were trained with, as their tokenizer.json declares
 * it (normalizer BertNormalizer with lowercase and accent stripping, pre-tokenizer BertPreTokenizer):
 * control characters dropped, every kind of whitespace a separator, CJK ideographs and punctuation each
 * their own word, accents stripped, lower case. Internal, not API. Stateless and thread-safe.
 */
final class BertText {
    private BertText() {}

    /** The words WordPiece then splits, in order. */
    static List<String> words(String text) {
        String cleaned = Normalizer.normalize(clean(text), Normalizer.Form.NFD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < cleaned.length(); ) {
            int cp = cleaned.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) continue; // accent stripping
            if (isWhitespace(cp)) {
                flush(word, words);
            } else if (isPunctuation(cp) || isCjk(cp)) {
                flush(word, words);
                words.add(Character.toString(Character.toLowerCase(cp)));
            } else {
                word.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        flush(word, words);
        return words;
    }

    /** Drops NUL, U+FFFD and control/format/unassigned/private-use characters; tab, CR and LF count as whitespace. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) out.append(' ');
            else if (cp != 0 && cp != 0xFFFD && !isOther(cp)) out.appendCodePoint(cp);
        });
        return out.toString();
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    /** Unicode White_Space: what the reference tokenizer splits on. */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || Character.isSpaceChar(cp);
    }

    private static boolean isOther(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** ASCII punctuation and symbols (BERT treats $, +, <, =, >, ^, `, |, ~ as punctuation) and Unicode P*. */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) return true;
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks BERT pads with spaces (not Hiragana, Katakana or Hangul). */
    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
