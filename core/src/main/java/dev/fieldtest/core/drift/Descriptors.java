package dev.fieldtest.core.drift;

/**
 * What drift measures of one input's text (docs/drift.md): its length in characters (Unicode code points) and in whitespace-separated tokens (not a model tokenizer's count), a {@link Language} guess and its
 * {@link Structure}.
 */
public record Descriptors(int chars, int tokens, String language, String structure) {
    public static Descriptors of(String text) {
        String t = text.strip();
        int tokens = t.isEmpty() ? 0 : t.split("\\s+").length;
        return new Descriptors(text.codePointCount(0, text.length()), tokens, Language.of(text), Structure.of(text));
    }
}
