package dev.fieldtest.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local server speaking the Anthropic Messages API ({@code POST /v1/messages}) exactly: plain JSON and the
 * event stream (message_start, content_block_start, ping, content_block_delta with text_delta,
 * content_block_stop, message_delta with usage, message_stop), the API's error bodies and an {@code error}
 * event inside a stream. Requests without {@code x-api-key}, {@code anthropic-version}, {@code model},
 * {@code max_tokens} or {@code messages} get the API's 400/401 and consume no behavior.
 *
 * <p>Each request takes the next {@link AnthropicBehavior} from a queue ({@link #enqueue}); when it is empty the
 * responder decides ({@code "echo: "} plus the last user message by default). Listens on 127.0.0.1 only, each
 * request on its own virtual thread. Thread-safe.
 */
public final class FakeAnthropicServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<AnthropicBehavior> queue = new ConcurrentLinkedQueue<>();
    private final Queue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
    private volatile Function<RecordedRequest, AnthropicBehavior> responder = FakeAnthropicServer::echo;
    private volatile String requiredApiKey;

    private FakeAnthropicServer(HttpServer http) {
        this.http = http;
    }

    /** Starts on an ephemeral port of 127.0.0.1. */
    public static FakeAnthropicServer start() {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer http;
        try {
            http = HttpServer.create(address, 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        FakeAnthropicServer server = new FakeAnthropicServer(http);
        http.createContext("/", new AnthropicHandler(server));
        http.setExecutor(server.executor);
        http.start();
        return server;
    }

    /** The base URL clients configure, such as {@code http://127.0.0.1:41234} (calls go to {@code /v1/messages}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Queues behaviors for the next requests, in order, ahead of the responder. */
    public FakeAnthropicServer enqueue(AnthropicBehavior... behaviors) {
        queue.addAll(List.of(behaviors));
        return this;
    }

    /** Replaces the responder used when the queue is empty; called from many threads at once. */
    public FakeAnthropicServer respondWith(Function<RecordedRequest, AnthropicBehavior> responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** Answers 401 {@code authentication_error} unless {@code x-api-key} is this key; null accepts any key. */
    public FakeAnthropicServer requireApiKey(String key) {
        this.requiredApiKey = key;
        return this;
    }

    /** Every request received, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(new ArrayList<>(recorded));
    }

    /** The newest request; throws when none arrived. */
    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) throw new IllegalStateException("no request has reached " + baseUrl() + " yet");
        return all.get(all.size() - 1);
    }

    public int requestCount() {
        return recorded.size();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    void record(RecordedRequest request) {
        recorded.add(request);
    }

    AnthropicBehavior next(RecordedRequest request) {
        AnthropicBehavior queued = queue.poll();
        return queued != null ? queued : Objects.requireNonNull(responder.apply(request), "responder returned null");
    }

    String requiredApiKey() {
        return requiredApiKey;
    }

    private static AnthropicBehavior echo(RecordedRequest request) {
        return AnthropicBehavior.reply("echo: " + request.lastUserMessage());
    }
}
