package dev.fieldtest.embedded.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * An uncased BERT WordPiece tokenizer read from a Hugging Face tokenizer.json: each word of
 * {@link BertText#words} is split greedily into the longest vocabulary pieces from its start, pieces after
 * the first carrying the {@code ##} prefix; a word that cannot be split, or is longer than 100 characters,
 * becomes {@code [UNK]}. Internal, not API. Immutable and thread-safe.
 */
final class WordPiece {
    private static final int MAX_WORD_CHARS = 100;
    private static final String CONTINUATION = "##";
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Integer> vocab;
    final int cls;
    final int sep;
    private final int unk;

    private WordPiece(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
        this.unk = id("[UNK]");
    }

    /**
     * Reads {@code model.vocab} of a tokenizer.json whose model type is WordPiece. Streams the file rather
     * than building a tree: 30,522 entries, read once per model, on the load path users wait for.
     */
    static WordPiece read(InputStream tokenizerJson) throws IOException {
        Map<String, Integer> vocab = new HashMap<>(65_536);
        String type = null;
        try (JsonParser p = JSON.createParser(tokenizerJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("tokenizer.json must be a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("model")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("type")) type = p.getText();
                    else if (key.equals("vocab") && p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String token = p.currentName();
                            p.nextToken();
                            vocab.put(token, p.getIntValue());
                        }
                    } else p.skipChildren();
                }
            }
        }
        if (!"WordPiece".equals(type)) throw new IOException("tokenizer model must be WordPiece, but was " + type);
        return new WordPiece(vocab);
    }

    /** The text's tokens, without [CLS] and [SEP]. */
    Tokens tokenize(String text) {
        Tokens.Builder out = new Tokens.Builder();
        for (String word : BertText.words(text)) split(word, out);
        return out.build();
    }

    private void split(String word, Tokens.Builder out) {
        int chars = word.codePointCount(0, word.length());
        if (chars > MAX_WORD_CHARS) {
            out.add(unk, false);
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < word.length()) {
            Integer found = null;
            int end = word.length();
            while (end > start) {
                String piece = start == 0 ? word.substring(start, end) : CONTINUATION + word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) break;
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) { // no piece fits here: the whole word is unknown, not just this rest
                out.truncate(mark);
                out.add(unk, false);
                return;
            }
            out.add(found, start > 0);
            start = end;
        }
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) throw new IllegalStateException("the vocabulary has no " + token + " token");
        return id;
    }
}
