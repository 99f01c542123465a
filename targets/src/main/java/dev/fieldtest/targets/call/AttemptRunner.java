package dev.fieldtest.targets.call;

import dev.fieldtest.core.ErrorClass;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes one HTTP/1.1 attempt within a deadline, with blocking I/O on the caller's thread over pooled keep-alive
 * connections. The deadline covers everything (connection, headers and the whole body); past it, or when the
 * caller is interrupted, {@link AttemptDeadlines} cancels the exchange. The client never retries, redirects,
 * decompresses or keeps cookies on its own: every attempt is one request the caller asked for. Thread-safe.
 */
public final class AttemptRunner implements AutoCloseable {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_KNOWN_BODY = 64 * 1024 * 1024;
    private static final ContentType JSON = ContentType.create("application/json"); // no charset: JSON is UTF-8 by definition
    /** A pool bound far above any concurrency a run asks for: a call never waits for a connection of ours. */
    private static final int MAX_CONNECTIONS = 65_536;
    private final CloseableHttpClient client;
    private final AttemptDeadlines deadlines;
    private final URI endpoint;
    private final String url;
    private final Duration timeout;
    private final WireProtocol protocol;

    /** A runner whose responses {@code protocol} reads; used by every HTTP target. */
    public AttemptRunner(String targetId, URI endpoint, Duration timeout, WireProtocol protocol) {
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.url = endpoint.toString();
        this.timeout = timeout;
        this.deadlines = new AttemptDeadlines(targetId);
        Timeout t = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t).build())
                .disableAutomaticRetries().disableRedirectHandling().disableContentCompression()
                .disableCookieManagement().disableAuthCaching()
                .setUserAgent("fieldtest")
                .build();
    }

    /** One POST of {@code body} with {@code headers}; a failure is an {@link Attempt}, never an exception. */
    public Attempt run(byte[] body, Map<String, String> headers, boolean stream) throws InterruptedException {
        return run("POST", body, headers, stream);
    }

    /** One request with {@code method}; {@code body} null sends none. */
    public Attempt run(String method, byte[] body, Map<String, String> headers, boolean stream) throws InterruptedException {
        if (Thread.interrupted()) throw new InterruptedException();
        HttpUriRequestBase post = new HttpUriRequestBase(method, endpoint);
        if (body != null) post.setEntity(new ByteArrayEntity(body, JSON));
        headers.forEach(post::setHeader);
        long sent = System.nanoTime();
        AttemptDeadlines.Watched watched = deadlines.watch(sent + timeout.toNanos(), post);
        Attempt attempt;
        try {
            attempt = exchange(post, stream, sent);
        } finally {
            deadlines.release(watched);
        }
        boolean interrupted = watched.reason() == AttemptDeadlines.Reason.INTERRUPTED || Thread.currentThread().isInterrupted();
        if (interrupted && !attempt.succeeded()) {
            Thread.interrupted();
            throw new InterruptedException("the call to " + url + " was interrupted");
        }
        // The socket's read timeout equals the deadline, so a stalled body can break just before the watcher fires:
        // a read that failed once the deadline had passed is the deadline too, not a cut stream.
        boolean pastDeadline = System.nanoTime() - sent >= timeout.toNanos()
                && (attempt.error() == ErrorClass.TRUNCATED_STREAM || attempt.error() == ErrorClass.CONNECTION);
        if ((watched.reason() == AttemptDeadlines.Reason.DEADLINE || pastDeadline) && !attempt.succeeded()) {
            return Attempt.failure(ErrorClass.TIMEOUT, "no complete answer from " + url + " within "
                    + Durations.format(timeout) + "; raise the target's timeout if the model is slow", ms(sent), attempt.status());
        }
        return attempt;
    }

    private Attempt exchange(HttpUriRequestBase post, boolean stream, long sent) {
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, post, null);
        } catch (ConnectTimeoutException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "cannot connect to " + url + ": connect timed out", ms(sent), 0);
        } catch (SocketTimeoutException e) {
            return Attempt.failure(ErrorClass.TIMEOUT, "no response headers from " + url + " within " + Durations.format(timeout), ms(sent), 0);
        } catch (IOException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "cannot reach " + url + ": " + reason(e), ms(sent), 0);
        }
        int status = response.getCode();
        try {
            return read(response, status, stream, sent);
        } catch (IOException e) {
            return Attempt.failure(ErrorClass.CONNECTION, "the connection to " + url + " broke while reading the response: " + reason(e), ms(sent), status);
        } finally {
            try {
                response.close();
            } catch (IOException e) {
                // The attempt is already decided (a cut stream, say); the pool drops a connection that did not close cleanly.
            }
        }
    }

    private Attempt read(ClassicHttpResponse response, int status, boolean stream, long sent) throws IOException {
        HttpEntity entity = response.getEntity();
        // Closing the body reads what is left of it, so its keep-alive connection goes back to the pool.
        try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
            if (status < 200 || status >= 300) {
                byte[] text = in.readNBytes(MAX_ERROR_BODY);
                return protocol.error(status, text, url, ms(sent))
                        .withRetryAfter(RetryPolicy.parseRetryAfter(header(response, "Retry-After"), Instant.now()));
            }
            String type = header(response, "Content-Type");
            if (stream && (type == null || !type.startsWith("application/json"))) return protocol.stream(in, url, sent);
            // also a server that ignored "stream": true
            return protocol.completion(body(in, entity.getContentLength()), ms(sent), url);
        }
    }

    /** The whole body, read into an array of its declared length when there is one (readAllBytes takes 16 KB). */
    private static byte[] body(InputStream in, long contentLength) throws IOException {
        return contentLength >= 0 && contentLength <= MAX_KNOWN_BODY ? in.readNBytes((int) contentLength) : in.readAllBytes();
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** The most specific message in a cause chain; the JDK often throws ConnectException without one. */
    public static String reason(Throwable e) {
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
        deadlines.close();
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }
}
