package dev.fieldtest.embedded.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.fieldtest.embedded.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A BERT-style sentence encoder run by onnxruntime: WordPiece tokens in windows of the model's length,
 * the last hidden state mean-pooled over every position ([CLS] and [SEP] included, as sentence-transformers
 * does), windows averaged weighted by their token counts, then scaled to unit length. Never closed: it
 * lives as long as the process. Internal, not API. Thread-safe (onnxruntime sessions may run concurrently).
 */
final class OnnxEmbedder implements EmbeddingModel {
    private final ModelSpec spec;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final Set<String> output;
    private final WordPiece tokenizer;
    private final int[] prefix;

    private OnnxEmbedder(ModelSpec spec, OrtEnvironment env, OrtSession session, WordPiece tokenizer) throws OrtException {
        this.spec = spec;
        this.env = env;
        this.session = session;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        Set<String> outputs = session.getOutputNames();
        // the exports name it last_hidden_state; ask for that one only, so no pooled extra is computed
        this.output = Set.of(outputs.contains("last_hidden_state") ? "last_hidden_state" : outputs.iterator().next());
        this.tokenizer = tokenizer;
        this.prefix = tokenizer.tokenize(spec.textPrefix()).ids();
    }

    /** Reads the model's files from the class path and opens an onnxruntime session on them. */
    static OnnxEmbedder load(ModelSpec spec) {
        try {
            WordPiece tokenizer;
            try (InputStream in = resource(spec.tokenizerResource())) {
                tokenizer = WordPiece.read(in);
            }
            byte[] graph;
            try (InputStream in = resource(spec.onnxResource())) {
                graph = in.readAllBytes();
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = options()) { // the session keeps its own copy
                return new OnnxEmbedder(spec, env, env.createSession(graph, options), tokenizer);
            }
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One thread per run: parallelism comes from callers (the executor runs calls concurrently). Measured on
     * 2 cores: same median per embed as onnxruntime's default pool, a p95 2-3× lower, and more embeds/s on
     * 2 calling threads, since pool threads no longer spin against the callers (docs/embedded.md).
     */
    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        return o;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path; it ships in the langchain4j model jar that fieldtest-embedded depends on");
        }
        return in;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimensions() {
        return spec.dimensions();
    }

    @Override
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        Tokens tokens = tokenizer.tokenize(text);
        List<int[]> windows = Windows.split(tokens, spec.window() - 2 - prefix.length);
        float[] sum = new float[spec.dimensions()];
        for (int[] window : windows) {
            float[] pooled = run(window);
            // weight by content tokens, so a short last window does not count as much as a full one
            int weight = Math.max(1, window.length);
            for (int i = 0; i < sum.length; i++) sum[i] += pooled[i] * weight;
        }
        return unit(sum);
    }

    /** Mean of the last hidden state over all positions of [CLS] prefix content [SEP]. */
    private float[] run(int[] content) {
        int n = content.length + prefix.length + 2;
        long[] ids = new long[n];
        ids[0] = tokenizer.cls;
        for (int i = 0; i < prefix.length; i++) ids[1 + i] = prefix[i];
        for (int i = 0; i < content.length; i++) ids[1 + prefix.length + i] = content[i];
        ids[n - 1] = tokenizer.sep;
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        long[] shape = {1, n};
        try (OnnxTensor idsT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
             OnnxTensor typesT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape)) {
            Map<String, OnnxTensor> feed = new HashMap<>(Map.of("input_ids", idsT, "attention_mask", maskT));
            if (wantsTokenTypes) feed.put("token_type_ids", typesT);
            try (OrtSession.Result result = session.run(feed, output)) {
                return meanOverPositions(((OnnxTensor) result.get(0)).getFloatBuffer(), n);
            }
        } catch (OrtException e) {
            throw new IllegalStateException(spec.name() + " failed on a text of " + n + " tokens: " + e.getMessage(), e);
        }
    }

    private float[] meanOverPositions(FloatBuffer hidden, int n) {
        int dims = spec.dimensions();
        if (hidden.remaining() != (long) n * dims) {
            throw new IllegalStateException(spec.name() + " returned " + hidden.remaining() + " floats for " + n + " tokens, expected " + n * dims);
        }
        float[] mean = new float[dims];
        for (int t = 0; t < n; t++) for (int d = 0; d < dims; d++) mean[d] += hidden.get(t * dims + d);
        for (int d = 0; d < dims; d++) mean[d] /= n;
        return mean;
    }

    private static float[] unit(float[] v) {
        double sq = 0;
        for (float x : v) sq += (double) x * x;
        double norm = Math.sqrt(sq);
        float[] out = new float[v.length];
        if (norm == 0) return out; // cannot happen for these models; a zero vector beats NaNs
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
