package dev.fieldtest.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local server speaking the OpenAI Chat Completions protocol ({@code POST /v1/chat/completions}, also
 * {@code /chat/completions}), plain JSON and server-sent-event streams, for tests and dry runs.
 *
 * <p>Each request takes the next {@link Behavior} from a queue ({@link #enqueue}); when the queue is empty
 * the {@link Responder} decides ({@link Responder#echo()} by default). Every request is recorded for
 * assertions (the newest {@value #MAX_RECORDED}; counts cover all). Token counts default to
 * whitespace-separated words (see {@link Behavior.Reply}). Requests with no JSON body, no {@code model} or no
 * {@code messages} get the API's 400 error and consume no behavior.
 *
 * <p>Listens on 127.0.0.1 only; each request runs on its own virtual thread, so any number are served at
 * once. Thread-safe.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** Requests kept for {@link #requests()}; older ones are dropped so a long dry run stays small. */
    public static final int MAX_RECORDED = 10_000;

    private final HttpServer http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Behavior> queue = new ConcurrentLinkedQueue<>();
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private final ConcurrentHashMap<Class<?>, AtomicInteger> servedByKind = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Responder responder;
    private volatile String requiredApiKey;

    private FakeOpenAiServer(HttpServer http, Responder responder) {
        this.http = http;
        this.responder = responder;
    }

    /** Starts on an ephemeral port with the echo responder. */
    public static FakeOpenAiServer start() {
        return start(0, Responder.echo());
    }

    /**
     * Starts on {@code port} (0 = any free port) of 127.0.0.1.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static FakeOpenAiServer start(int port, Responder responder) {
        Objects.requireNonNull(responder, "responder");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer http;
        try {
            http = HttpServer.create(address, 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + " (is the port in use?): " + e.getMessage(), e);
        }
        FakeOpenAiServer server = new FakeOpenAiServer(http, responder);
        http.createContext("/", new ChatHandler(server));
        http.setExecutor(server.executor);
        http.start();
        return server;
    }

    /** The base URL clients configure, such as {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Queues behaviors for the next requests, in order, ahead of the responder. */
    public FakeOpenAiServer enqueue(Behavior... behaviors) {
        queue.addAll(List.of(behaviors));
        return this;
    }

    /** Replaces the responder used when the queue is empty. */
    public FakeOpenAiServer respondWith(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** Answers 401 unless {@code Authorization: Bearer <key>} is sent; null accepts any request. */
    public FakeOpenAiServer requireApiKey(String key) {
        this.requiredApiKey = key;
        return this;
    }

    /** The recorded requests, oldest first (at most {@value #MAX_RECORDED}). */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(new ArrayList<>(recorded));
        }
    }

    /** The newest recorded request; throws when none arrived yet. */
    public RecordedRequest lastRequest() {
        synchronized (recorded) {
            if (recorded.isEmpty()) throw new IllegalStateException("no request has reached " + baseUrl() + " yet");
            return recorded.peekLast();
        }
    }

    /** Requests received since start or {@link #reset()}, valid or not. */
    public int requestCount() {
        return (int) received.get();
    }

    /** How many requests were answered with a behavior of this kind, such as {@code Behavior.Throttle.class}. */
    public int servedCount(Class<? extends Behavior> kind) {
        AtomicInteger n = servedByKind.get(kind);
        return n == null ? 0 : n.get();
    }

    /** The most requests that were being handled at the same moment. */
    public int maxConcurrent() {
        return maxInFlight.get();
    }

    /** Forgets recorded requests, counts and queued behaviors; keeps the responder and API key. */
    public void reset() {
        queue.clear();
        synchronized (recorded) {
            recorded.clear();
        }
        servedByKind.clear();
        received.set(0);
        maxInFlight.set(inFlight.get());
    }

    /** Stops listening and interrupts requests still being answered. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    // ---- used by ChatHandler ----

    void record(RecordedRequest request) {
        received.incrementAndGet();
        synchronized (recorded) {
            if (recorded.size() == MAX_RECORDED) recorded.removeFirst();
            recorded.addLast(request);
        }
    }

    /** The behavior for a valid request: queued first, else the responder's. */
    Behavior next(RecordedRequest request) {
        Behavior queued = queue.poll();
        Behavior b = queued != null ? queued : Objects.requireNonNull(responder.respond(request), "responder returned null");
        servedByKind.computeIfAbsent(b.getClass(), k -> new AtomicInteger()).incrementAndGet();
        return b;
    }

    Responder responder() { return responder; }

    String requiredApiKey() { return requiredApiKey; }

    String nextCompletionId() {
        return String.format("chatcmpl-fake%06d", nextId.getAndIncrement());
    }

    void enter() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void exit() {
        inFlight.decrementAndGet();
    }
}
