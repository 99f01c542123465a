package dev.fieldtest.llama.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.fieldtest.llama.SamplingParams;
import dev.fieldtest.llama.internal.Protocol.Reply;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM: loads one GGUF model once and serves {@link Protocol} requests from stdin, one at a time, until
 * stdin closes; then ends with {@link System#exit} (de.kherud:llama 4.2.0 leaves a native thread that keeps the JVM
 * alive otherwise). Arguments: model path, n_ctx, threads. Only protocol lines go to stdout; everything else,
 * llama.cpp's own log included, goes to stderr.
 */
public final class ChildMain {
    private final LlamaModel model;
    private final int context;
    private final PrintStream out;

    private ChildMain(LlamaModel model, int context, PrintStream out) {
        this.model = model;
        this.context = context;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false, StandardCharsets.UTF_8);
        System.setOut(System.err); // the binding prints to System.out while it loads; that must not garble the protocol
        int status;
        try {
            status = serve(args, protocol);
        } catch (Throwable t) { // report anything, so the parent sees a reason rather than a bare exit code
            t.printStackTrace();
            send(protocol, Reply.error(null, "the llama.cpp child failed: " + t));
            status = 1;
        }
        protocol.flush();
        System.exit(status);
    }

    private static int serve(String[] args, PrintStream protocol) throws IOException {
        if (args.length != 3) throw new IllegalArgumentException("usage: ChildMain <model.gguf> <n_ctx> <threads>");
        long start = System.nanoTime();
        int context = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        LlamaModel model;
        try {
            model = new LlamaModel(new ModelParameters().setModel(args[0]).setCtxSize(context).setThreads(threads).setThreadsBatch(threads));
        } catch (RuntimeException e) { // LlamaException: a file llama.cpp cannot read, too large a context, ...
            send(protocol, Reply.error(null, "llama.cpp could not load " + args[0] + ": " + e.getMessage()));
            return 1;
        } catch (LinkageError e) { // the binding's native library did not load; the loader printed why on stderr
            send(protocol, Reply.error(null, "the native llama.cpp library did not load (" + e.getMessage() + "). It needs libgomp.so.1:"
                    + " on Debian or Ubuntu, apt-get install libgomp1; the stderr lines below say more"));
            return 1;
        }
        send(protocol, Reply.ready((System.nanoTime() - start) / 1e6));
        ChildMain child = new ChildMain(model, context, protocol);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.isBlank()) child.answer(line);
        }
        return 0; // stdin closed: the parent is done with us
    }

    private void answer(String line) {
        long start = System.nanoTime();
        Protocol.Request request;
        try {
            request = Protocol.read(line, Protocol.Request.class);
        } catch (JsonProcessingException e) {
            send(out, Reply.error(null, "not a request: " + e.getOriginalMessage()));
            return;
        }
        try {
            generate(request, start);
        } catch (RuntimeException e) { // LlamaException: a prompt larger than the context, ...
            send(out, Reply.error(request.id(), String.valueOf(e.getMessage())));
        }
    }

    private void generate(Protocol.Request request, long start) {
        SamplingParams p = request.params();
        int promptTokens = model.encode(request.prompt()).length;
        if (promptTokens + 1 >= context) { // llama.cpp would silently cut the prompt and answer what is left of it
            send(out, Reply.error(request.id(), "the prompt has " + promptTokens + " tokens (plus BOS), which leaves no room in the context of "
                    + context + " tokens; raise the target's context to at least prompt + max_tokens"));
            return;
        }
        // Never setNProbs: it aborts the JVM in 4.2.0. No prompt cache, so every call is independent and timed alike.
        InferenceParameters inference = new InferenceParameters(request.prompt()).setCachePrompt(false)
                .setNPredict(p.maxTokens()).setTemperature((float) p.temperature()).setSeed(p.seed());
        if (p.topK() != null) inference.setTopK(p.topK());
        if (p.topP() != null) inference.setTopP(p.topP().floatValue());
        if (!p.stop().isEmpty()) inference.setStopStrings(p.stop().toArray(String[]::new));
        int tokens = 0;
        LlamaIterator it = model.generate(inference).iterator();
        while (it.hasNext()) {
            LlamaOutput o = it.next();
            // Every output but the closing one stands for one sampled token (an end-of-text token or a held-back
            // partial stop text arrives with empty text); the closing one carries no text in streaming mode.
            if (it.hasNext()) tokens++;
            if (!o.text.isEmpty()) send(out, Reply.token(request.id(), o.text, System.nanoTime() - start));
        }
        send(out, Reply.done(request.id(), promptTokens, tokens, tokens >= p.maxTokens() ? "length" : "stop"));
    }

    private static void send(PrintStream out, Reply reply) {
        out.print(Protocol.write(reply));
        out.print('\n');
        out.flush(); // per line: the parent times every token as it arrives
    }
}
