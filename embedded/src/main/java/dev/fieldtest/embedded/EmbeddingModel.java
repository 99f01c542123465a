package dev.fieldtest.embedded;

/**
 * A sentence-embedding model running in this process (ONNX, CPU). Get one with
 * {@link EmbeddingModels#load(String)}; instances are shared per process and live as long as it does.
 *
 * <p>Promises: {@link #embed} returns a fresh array of {@link #dimensions()} floats with Euclidean norm 1
 * (within float rounding), so the cosine of two embeddings is their dot product; in one process the
 * same text always gives the same vector; any text is accepted (texts longer than the model's window are embedded in
 * windows whose vectors are averaged, weighted by their token counts). Thread-safe: any number of threads
 * may call {@link #embed} at once.
 */
public interface EmbeddingModel {
    /** The name it was loaded by, such as {@code all-minilm-l6-v2}. */
    String name();

    /** Length of every vector {@link #embed} returns. */
    int dimensions();

    /**
     * The unit-length embedding of {@code text}. Models that expect an instruction prefix (e5's
     * {@code "query: "}) add it themselves: pass the text alone.
     *
     * @throws NullPointerException when {@code text} is null
     * @throws IllegalStateException when the model fails at run time (never expected; a bug or a broken native library)
     */
    float[] embed(String text);
}
