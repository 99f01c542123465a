package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Validates a Messages API request as the API does and answers it as its {@link AnthropicBehavior} says. */
final class AnthropicHandler implements HttpHandler {
    private final FakeAnthropicServer server;
    private final AtomicLong ids = new AtomicLong(1);

    AnthropicHandler(FakeAnthropicServer server) {
        this.server = server;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            RecordedRequest request = read(ex);
            server.record(request);
            JsonNode body = request.body();
            String key = request.header("x-api-key");
            if (!"/v1/messages".equals(request.path()) || !"POST".equals(request.method())) {
                error(ex, new AnthropicBehavior.Error(404, "not_found_error", "Not found: " + request.method() + " " + request.path(), null));
            } else if (key == null || (server.requiredApiKey() != null && !server.requiredApiKey().equals(key))) {
                error(ex, AnthropicBehavior.error(401, "authentication_error", key == null ? "x-api-key header is required" : "invalid x-api-key"));
            } else if (request.header("anthropic-version") == null) {
                error(ex, AnthropicBehavior.error(400, "invalid_request_error", "anthropic-version: header is required"));
            } else if (body == null || !body.isObject()) {
                error(ex, AnthropicBehavior.error(400, "invalid_request_error", "The request body is not valid JSON."));
            } else if (!body.path("model").isTextual() || !body.path("max_tokens").isIntegralNumber() || !body.path("messages").isArray()) {
                error(ex, AnthropicBehavior.error(400, "invalid_request_error", "model, max_tokens and messages: Field required"));
            } else if (hasSystemRole(body)) {
                error(ex, AnthropicBehavior.error(400, "invalid_request_error",
                        "messages: Unexpected role \"system\". The Messages API accepts a top-level `system` parameter, not \"system\" as an input message role."));
            } else {
                perform(ex, request, server.next(request));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void perform(HttpExchange ex, RecordedRequest request, AnthropicBehavior b) throws IOException, InterruptedException {
        String model = request.body().path("model").asText();
        switch (b) {
            case AnthropicBehavior.Error e -> error(ex, e);
            case AnthropicBehavior.Reply r -> {
                Thread.sleep(r.delay());
                int in = r.inputTokens() != null ? r.inputTokens() : inputWords(request.body());
                int out = r.outputTokens() != null ? r.outputTokens() : Tokens.words(r.text());
                if (request.stream()) stream(ex, model, r.text(), Integer.MAX_VALUE, in, out, r, null);
                else send(ex, 200, message(model, r.text(), r.stopReason(), usage(in, out, r.cacheWrite(), r.cacheRead())));
            }
            case AnthropicBehavior.StreamError s -> stream(ex, model, s.text(), s.deltas(), 0, 0, AnthropicBehavior.reply(s.text()), s);
            case AnthropicBehavior.CutStream c -> stream(ex, model, c.text(), c.deltas(), 0, 0, AnthropicBehavior.reply(c.text()), null);
            case AnthropicBehavior.Malformed m -> malformed(ex, request.stream());
            case AnthropicBehavior.ResetConnection r -> throw new IOException("fake server dropped the connection: ResetConnection behavior");
        }
    }

    /** Sends at most {@code limit} text deltas (MAX_VALUE: all, then the closing events), or an error event when {@code failAt} is set. */
    private void stream(HttpExchange ex, String model, String text, int limit, int in, int out, AnthropicBehavior.Reply r,
                        AnthropicBehavior.StreamError failAt) throws IOException, InterruptedException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream o = ex.getResponseBody();
        ObjectNode start = message(model, null, null, usage(in, 1, r.cacheWrite(), r.cacheRead()));
        start.putArray("content");
        event(o, "message_start", Wire.JSON.createObjectNode().put("type", "message_start").set("message", start));
        ObjectNode block = Wire.JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        block.putObject("content_block").put("type", "text").put("text", "");
        event(o, "content_block_start", block);
        event(o, "ping", Wire.JSON.createObjectNode().put("type", "ping"));
        List<String> pieces = Tokens.split(text, 0);
        for (int i = 0; i < pieces.size() && i < limit; i++) {
            Thread.sleep(r.chunkDelay());
            ObjectNode d = Wire.JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            d.putObject("delta").put("type", "text_delta").put("text", pieces.get(i));
            event(o, "content_block_delta", d);
        }
        if (failAt != null) {
            event(o, "error", errorBody(failAt.type(), failAt.message()));
            return;
        }
        if (limit != Integer.MAX_VALUE) return; // a CutStream: closed without content_block_stop or message_stop
        event(o, "content_block_stop", Wire.JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode md = Wire.JSON.createObjectNode().put("type", "message_delta");
        md.putObject("delta").put("stop_reason", r.stopReason()).putNull("stop_sequence");
        md.putObject("usage").put("output_tokens", out);
        event(o, "message_delta", md);
        event(o, "message_stop", Wire.JSON.createObjectNode().put("type", "message_stop"));
    }

    private static void malformed(HttpExchange ex, boolean stream) throws IOException {
        byte[] bytes = (stream ? "event: message_start\ndata: {\"type\": \"message_start\", \"message\": \n\n"
                : "{\"id\": \"msg_broken\", \"type\": \"message\", \"content\": [").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", stream ? "text/event-stream; charset=utf-8" : "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void event(OutputStream o, String name, JsonNode data) throws IOException {
        o.write(("event: " + name + "\ndata: " + Wire.JSON.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private ObjectNode message(String model, String text, String stopReason, ObjectNode usage) {
        ObjectNode m = Wire.JSON.createObjectNode().put("id", String.format("msg_fake%06d", ids.getAndIncrement()))
                .put("type", "message").put("role", "assistant").put("model", model);
        if (text != null) m.putArray("content").addObject().put("type", "text").put("text", text);
        if (stopReason != null) m.put("stop_reason", stopReason);
        else m.putNull("stop_reason");
        m.putNull("stop_sequence");
        m.set("usage", usage);
        return m;
    }

    private static ObjectNode usage(int in, int out, int cacheWrite, int cacheRead) {
        return Wire.JSON.createObjectNode().put("input_tokens", in).put("cache_creation_input_tokens", cacheWrite)
                .put("cache_read_input_tokens", cacheRead).put("output_tokens", out);
    }

    private static ObjectNode errorBody(String type, String message) {
        ObjectNode e = Wire.JSON.createObjectNode().put("type", "error");
        e.putObject("error").put("type", type).put("message", message);
        return e;
    }

    private static void error(HttpExchange ex, AnthropicBehavior.Error e) throws IOException {
        if (e.retryAfterSeconds() != null) ex.getResponseHeaders().set("retry-after", String.valueOf(e.retryAfterSeconds()));
        send(ex, e.status(), errorBody(e.type(), e.message()));
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = Wire.JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static boolean hasSystemRole(JsonNode body) {
        for (JsonNode m : body.path("messages")) if ("system".equals(m.path("role").asText())) return true;
        return false;
    }

    /** Words of the top-level system prompt and of every message. */
    private static int inputWords(JsonNode body) {
        return Tokens.words(Tokens.text(body.get("system"))) + Tokens.promptWords(body);
    }

    private static RecordedRequest read(HttpExchange ex) throws IOException {
        String text = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = text.isBlank() ? null : Wire.JSON.readTree(text);
        } catch (IOException e) {
            body = null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new RecordedRequest(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, body, text);
    }
}
