package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Records a request, rejects what the real API would reject, and hands valid ones to {@link BehaviorWriter}. */
final class ChatHandler implements HttpHandler {
    private static final Set<String> PATHS = Set.of("/v1/chat/completions", "/chat/completions");
    private final FakeOpenAiServer server;

    ChatHandler(FakeOpenAiServer server) {
        this.server = server;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        server.enter();
        try {
            RecordedRequest request = read(exchange);
            server.record(request);
            BehaviorWriter out = new BehaviorWriter(exchange, request, server);
            if (!PATHS.contains(request.path())) {
                out.error(404, Wire.error("Invalid URL (" + request.method() + " " + request.path() + ")",
                        "invalid_request_error", null, null));
            } else if (!"POST".equals(request.method())) {
                out.error(405, Wire.error("Method " + request.method() + " is not allowed; use POST",
                        "invalid_request_error", null, null));
            } else if (!authorized(request, out)) {
                return; // 401 already sent
            } else if (request.body() == null || !request.body().isObject()) {
                out.error(400, Wire.error("We could not parse the JSON body of your request. (HINT: This likely means you aren't "
                        + "using your HTTP library correctly. The OpenAI API expects a JSON payload.)", "invalid_request_error", null, null));
            } else if (request.model() == null) {
                out.error(400, Wire.error("you must provide a model parameter", "invalid_request_error", null, null));
            } else if (!request.body().path("messages").isArray()) {
                out.error(400, Wire.error("Missing required parameter: 'messages'.", "invalid_request_error", "messages",
                        "missing_required_parameter"));
            } else {
                out.perform(server.next(request));
            }
        } finally {
            server.exit();
        }
    }

    private boolean authorized(RecordedRequest request, BehaviorWriter out) throws IOException {
        String key = server.requiredApiKey();
        if (key == null) return true;
        String auth = request.header("authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            out.error(401, Wire.error("You didn't provide an API key. You need to provide your API key in an Authorization header "
                    + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", null, null));
            return false;
        }
        String given = auth.substring("Bearer ".length());
        if (given.equals(key)) return true;
        out.error(401, Wire.error("Incorrect API key provided: " + mask(given) + ". You can find your API key at "
                + "https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key"));
        return false;
    }

    /** As the API does: the first three and last four characters, so a leaked log shows no usable key. */
    static String mask(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 3) + "*".repeat(key.length() - 7) + key.substring(key.length() - 4);
    }

    private static RecordedRequest read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String text = new String(raw, StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = text.isBlank() ? null : Wire.JSON.readTree(text);
        } catch (IOException e) {
            body = null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, text);
    }
}
