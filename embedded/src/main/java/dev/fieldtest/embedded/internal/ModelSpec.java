package dev.fieldtest.embedded.internal;

import java.util.Comparator;
import java.util.List;

/**
 * One shipped embedding model: where its files are on the class path and how it must be fed. Internal,
 * not API. Immutable.
 *
 * @param onnxResource      class-path name of the ONNX graph (inputs input_ids, attention_mask and
 *                          optionally token_type_ids; output 0 is the last hidden state)
 * @param tokenizerResource class-path name of the Hugging Face tokenizer.json holding the WordPiece vocabulary
 * @param textPrefix        put before every text, as the model was trained ("" for none)
 * @param window            most tokens one pass sees, [CLS] and [SEP] included
 */
public record ModelSpec(String name, String onnxResource, String tokenizerResource, String textPrefix, int dimensions, int window) {

    // The files come from the langchain4j model jars (see embedded/pom.xml); only the files are used.
    private static final List<ModelSpec> ALL = List.of(
            // sentence-transformers trained and truncates all-MiniLM-L6-v2 at 256 word pieces.
            new ModelSpec("all-minilm-l6-v2", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", "", 384, 256),
            // e5's model card: use "query: " on both sides for symmetric tasks such as similarity.
            new ModelSpec("e5-small-v2", "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", "query: ", 384, 512));

    public static List<String> names() {
        return ALL.stream().map(ModelSpec::name).sorted(Comparator.naturalOrder()).toList();
    }

    /** The model called {@code name}, or null. */
    public static ModelSpec byName(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }
}
