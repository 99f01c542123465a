package dev.fieldtest.core.perturb;

import java.util.Random;

/**
 * A transform of text. A non-string value is changed as the JSON text the model would see for it
 * (templates insert non-strings as JSON), so the variant stays what was sent.
 */
public sealed interface TextTransform extends Transform
        permits Typos, CaseChange, Whitespace, Punctuation, Homoglyphs, Filler, Truncate, Rephrase, Ambiguous, Injection {

    String text(String s, Random rnd);

    @Override
    default Object apply(Object value, Random rnd) {
        return text(Json.text(value), rnd);
    }
}
