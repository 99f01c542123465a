package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Turns one {@link Behavior} into bytes on the wire for one exchange, plain JSON or an SSE stream. */
final class BehaviorWriter {
    private static final Duration LINGER = Duration.ofMillis(50);
    private final HttpExchange exchange;
    private final RecordedRequest request;
    private final FakeOpenAiServer server;

    /** Thrown to make the JDK server close the socket without finishing the response: its only way to drop one. */
    static final class Dropped extends IOException {
        Dropped(String why) {
            super("fake server dropped the connection: " + why);
        }
    }

    BehaviorWriter(HttpExchange exchange, RecordedRequest request, FakeOpenAiServer server) {
        this.exchange = exchange;
        this.request = request;
        this.server = server;
    }

    void perform(Behavior behavior) throws IOException {
        switch (behavior) {
            case Behavior.Reply r -> {
                pause(r.delay());
                if (request.stream()) stream(r);
                else json(200, completion(r));
            }
            case Behavior.Throttle t -> {
                if (t.retryAfterSeconds() != null) exchange.getResponseHeaders().add("Retry-After", t.retryAfterSeconds().toString());
                error(429, Wire.error("Rate limit reached for requests on model " + request.model() + ". Please try again later.",
                        "rate_limit_exceeded", null, "rate_limit_exceeded"));
            }
            case Behavior.ServerError e -> error(e.status(), Wire.error(
                    "The server had an error while processing your request. Sorry about that!", "server_error", null, null));
            case Behavior.ClientError e -> error(e.status(), Wire.error(e.message() != null ? e.message() : defaultMessage(e.code()),
                    "invalid_request_error", null, e.code()));
            case Behavior.Malformed m -> malformed();
            case Behavior.CutStream c -> cut(c);
            case Behavior.Stall s -> {
                pause(s.duration());
                Behavior after = server.responder().respond(request);
                perform(after instanceof Behavior.Stall ? Responder.echo().respond(request) : after);
            }
            case Behavior.ResetConnection r -> throw new Dropped("ResetConnection behavior");
        }
    }

    void error(int status, ObjectNode body) throws IOException {
        json(status, body);
    }

    private void json(int status, ObjectNode body) throws IOException {
        byte[] bytes = Wire.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-request-id", "req_fake" + Long.toHexString(System.nanoTime()));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void stream(Behavior.Reply r) throws IOException {
        Wire.Head head = head();
        boolean usage = request.includeUsage();
        try (OutputStream out = startStream()) {
            event(out, Wire.chunk(head, "assistant", "", null, usage).toString());
            for (String piece : Tokens.split(r.text(), r.chunks())) {
                pause(r.chunkDelay());
                event(out, Wire.chunk(head, null, piece, null, usage).toString());
            }
            event(out, Wire.chunk(head, null, null, r.finishReason(), usage).toString());
            if (usage) event(out, Wire.usageChunk(head, promptTokens(r), completionTokens(r)).toString());
            event(out, "[DONE]");
        }
    }

    private void malformed() throws IOException {
        if (!request.stream()) {
            byte[] bytes = "{\"id\": \"chatcmpl-broken\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0, \"message\": "
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        Wire.Head head = head();
        try (OutputStream out = startStream()) {
            event(out, Wire.chunk(head, "assistant", "", null, request.includeUsage()).toString());
            event(out, "{\"id\": \"" + head.id() + "\", \"choices\": [{\"delta\": {\"content\": \"unterminated");
            event(out, "[DONE]");
        }
    }

    private void cut(Behavior.CutStream c) throws IOException {
        Behavior.Reply r = new Behavior.Reply(c.text());
        if (!request.stream()) {
            byte[] bytes = Wire.JSON.writeValueAsBytes(completion(r));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            pause(LINGER);
            throw new Dropped("CutStream after half the JSON body");
        }
        Wire.Head head = head();
        OutputStream out = startStream();
        event(out, Wire.chunk(head, "assistant", "", null, request.includeUsage()).toString());
        List<String> pieces = Tokens.split(c.text(), 0);
        for (int i = 0; i < Math.min(c.chunksBeforeCut(), pieces.size()); i++) {
            event(out, Wire.chunk(head, null, pieces.get(i), null, request.includeUsage()).toString());
        }
        // java.net.http discards bytes it buffered once the connection fails; a short pause lets clients read them first
        pause(LINGER);
        throw new Dropped("CutStream after " + c.chunksBeforeCut() + " chunks");
    }

    private OutputStream startStream() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // 0 = chunked transfer encoding
        return exchange.getResponseBody();
    }

    /** One SSE event; flushed so each becomes its own HTTP chunk and reaches the client now. */
    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private ObjectNode completion(Behavior.Reply r) {
        return Wire.completion(head(), r.text(), r.finishReason(), promptTokens(r), completionTokens(r));
    }

    private Wire.Head head() {
        return new Wire.Head(server.nextCompletionId(), Instant.now().getEpochSecond(), request.model());
    }

    private int promptTokens(Behavior.Reply r) {
        return r.promptTokens() != null ? r.promptTokens() : Tokens.promptWords(request.body());
    }

    private static int completionTokens(Behavior.Reply r) {
        return r.completionTokens() != null ? r.completionTokens() : Tokens.words(r.text());
    }

    private String defaultMessage(String code) {
        return switch (code == null ? "" : code) {
            case "invalid_api_key" -> "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.";
            case "model_not_found" -> "The model `" + request.model() + "` does not exist or you do not have access to it.";
            case "context_length_exceeded" -> "This model's maximum context length was exceeded. Please reduce the length of the messages.";
            default -> "Invalid request.";
        };
    }

    /** Sleeps; when the server closes meanwhile, drops the connection instead of answering. */
    private static void pause(Duration d) throws IOException {
        if (d.isZero() || d.isNegative()) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Dropped("server closing");
        }
    }
}
