package dev.fieldtest.targets.openai;

import dev.fieldtest.core.ErrorClass;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes one HTTP attempt within a deadline. {@link HttpRequest#timeout} only bounds the wait for headers,
 * so the exchange runs on a worker thread and the caller waits at most {@code timeout} for all of it, body
 * included; at the deadline the body stream is closed and the exchange cancelled. Thread-safe.
 */
final class AttemptRunner implements AutoCloseable {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private final HttpClient client;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration timeout;

    AttemptRunner(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    Attempt run(HttpRequest request, boolean stream) throws InterruptedException {
        String url = request.uri().toString();
        AtomicReference<InputStream> body = new AtomicReference<>();
        long sent = System.nanoTime();
        Future<Attempt> exchange = workers.submit(() -> exchange(request, stream, sent, body));
        try {
            return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort(exchange, body);
            return Attempt.failure(ErrorClass.TIMEOUT, "no complete answer from " + url + " within "
                    + OpenAiSettings.format(timeout) + "; raise the target's timeout if the model is slow", ms(sent), 0);
        } catch (InterruptedException e) {
            abort(exchange, body);
            throw e;
        } catch (ExecutionException e) {
            // exchange() turns every I/O failure into an Attempt; anything else is a bug to surface, not to classify
            throw new IllegalStateException("unexpected failure calling " + url, e.getCause());
        }
    }

    private Attempt exchange(HttpRequest request, boolean stream, long sent, AtomicReference<InputStream> body) {
        String url = request.uri().toString();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "cannot connect to " + url + ": connect timed out", ms(sent), 0);
        } catch (HttpTimeoutException e) {
            return Attempt.failure(ErrorClass.TIMEOUT, "no response headers from " + url + " within " + OpenAiSettings.format(timeout), ms(sent), 0);
        } catch (IOException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "cannot reach " + url + ": " + reason(e), ms(sent), 0);
        } catch (InterruptedException e) {
            return Attempt.failure(ErrorClass.TIMEOUT, "aborted", ms(sent), 0); // only the watchdog interrupts workers
        }
        body.set(response.body());
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            if (status < 200 || status >= 300) {
                byte[] text = in.readNBytes(MAX_ERROR_BODY);
                String retryAfter = response.headers().firstValue("retry-after").orElse(null);
                return Responses.error(status, text, url, ms(sent)).withRetryAfter(RetryPolicy.parseRetryAfter(retryAfter, Instant.now()));
            }
            String type = response.headers().firstValue("content-type").orElse("");
            if (stream && !type.startsWith("application/json")) return new SseReader(url, sent).read(in);
            return Responses.completion(in.readAllBytes(), ms(sent), url); // also a server that ignored "stream": true
        } catch (IOException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "the connection to " + url + " broke while reading the response: " + reason(e), ms(sent), status);
        }
    }

    private static void abort(Future<Attempt> exchange, AtomicReference<InputStream> body) {
        exchange.cancel(true); // interrupts a send still waiting for headers
        InputStream in = body.get();
        if (in != null) {
            try {
                in.close(); // wakes a reader blocked on the body
            } catch (IOException ignored) {
                // the attempt is already given up
            }
        }
    }

    /** The most specific message in a cause chain; the JDK often throws ConnectException without one. */
    static String reason(Throwable e) {
        String best = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) best = t.getMessage();
        }
        return best;
    }

    private static double ms(long sentNanos) {
        return (System.nanoTime() - sentNanos) / 1e6;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        client.shutdownNow();
    }
}
