package dev.fieldtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Without a fault the proxy changes nothing: request and response bytes, SSE events, other paths. */
@Timeout(20)
class PassThroughTest {
    /** An event stream with the irregular spacing real servers send: no space after "data:", CRLF, a comment. */
    private static final String STREAM = ": keep-alive\n\ndata:{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n\r\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\" b\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    private static final String BODY = "{\"id\":\"x\",  \"choices\":[{\"message\":{\"content\":\"é ok\"}}]}";
    @TempDir Path dir;
    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private final AtomicReference<String> receivedPath = new AtomicReference<>();
    private HttpServer upstream;
    private ChaosProxy proxy;

    private void start(String plan) throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            received.set(in);
            receivedPath.set(exchange.getRequestURI().toString());
            boolean stream = new String(in, StandardCharsets.UTF_8).contains("\"stream\":true");
            byte[] out = (stream ? STREAM : BODY).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.getResponseHeaders().set("X-Request-Id", "req-123");
            exchange.sendResponseHeaders(200, stream ? 0 : out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                for (int i = 0; i < out.length; i += 7) { // in small writes, so events arrive split
                    o.write(out, i, Math.min(7, out.length - i));
                    o.flush();
                }
            }
        });
        upstream.start();
        Path planFile = Files.writeString(dir.resolve("plan.yaml"), plan);
        proxy = ChaosProxy.start("127.0.0.1", 0, URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1"),
                PlanReader.read(planFile), dir.resolve("log.jsonl"));
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    private HttpResponse<byte[]> post(String path, String body) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Test
    void aPlainRequestAndItsJsonAnswerPassUnchanged() throws Exception {
        start("- {kind: reset, every: 1000}\n");
        String request = "{\"model\": \"m\",\"messages\":[{\"role\":\"user\",\"content\":\"ü\"}]}";
        HttpResponse<byte[]> r = post("/v1/chat/completions", request);
        assertThat(new String(received.get(), StandardCharsets.UTF_8)).isEqualTo(request);
        assertThat(receivedPath.get()).isEqualTo("/v1/chat/completions");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
        assertThat(r.headers().firstValue("X-Request-Id")).contains("req-123");
    }

    @Test
    void aStreamPassesEventForEventByteForByte() throws Exception {
        start("- {kind: reset, every: 1000}\n");
        HttpResponse<byte[]> r = post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(STREAM);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/event-stream");
    }

    @Test
    void otherPathsPassThroughAndAreNotNumbered() throws Exception {
        start("- {kind: reset, every: 1}\n"); // every chat request is reset
        HttpResponse<byte[]> r = post("/v1/embeddings", "{\"input\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(receivedPath.get()).isEqualTo("/v1/embeddings");
        assertThat(proxy.requests()).isZero();
        assertThat(proxy.counts()).isEmpty();
    }

    @Test
    void aClientWithoutV1InItsBaseUrlStillReachesTheUpstreamPath() throws Exception {
        start("- {kind: reset, every: 1000}\n");
        post("/chat/completions", "{}");
        assertThat(receivedPath.get()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aClientThatExpects100ContinueIsToldToSendItsBody() throws Exception {
        start("- {kind: reset, every: 1000}\n");
        String body = "{\"model\":\"m\",\"messages\":[]}";
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", proxy.port())) {
            s.setSoTimeout(5000);
            var out = s.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n" + BODY);
        }
        assertThat(new String(received.get(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void aMalformedEventIsInsertedAndTheRestOfTheStreamFollows() throws Exception {
        start("- {kind: malformed, after: 1, share: 1}\n");
        HttpResponse<byte[]> r = post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}");
        // the keep-alive comment is not a chunk: the bad event follows the first data event
        String first = ": keep-alive\n\ndata:{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\r\n\r\n";
        String expected = first + new String(Forwarder.BAD_EVENT, StandardCharsets.UTF_8) + STREAM.substring(first.length());
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
