package dev.fieldtest.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sends a client's request on to the upstream over HTTP/1.1 and hands back the response as a stream, so a stream
 * can be passed on event by event. Accept-Encoding is dropped so the body arrives readable. Thread-safe.
 */
final class Upstream {
    /** Headers the JDK client sets itself or refuses, and those about the client's own connection. */
    private static final Set<String> SKIP = Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive",
            "transfer-encoding", "te", "trailer", "proxy-connection", "accept-encoding");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Upstream(URI base) {
        this.base = base;
    }

    record Response(int status, List<String[]> headers, InputStream body) {
        boolean isEventStream() {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase("content-type") && h[1].toLowerCase(Locale.ROOT).startsWith("text/event-stream")) return true;
            }
            return false;
        }
    }

    Response send(RawRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target(request.target()))
                .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String[] h : request.headers()) {
            if (!SKIP.contains(h[0].toLowerCase(Locale.ROOT))) b.header(h[0], h[1]);
        }
        HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String[]> headers = new ArrayList<>();
        r.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) values.forEach(v -> headers.add(new String[] {name, v}));
        });
        return new Response(r.statusCode(), headers, r.body());
    }

    /**
     * The upstream URL for a request path: appended to the upstream's own path, unless it already starts with it
     * ({@code --upstream http://host/v1} and {@code /v1/chat/completions} give {@code http://host/v1/chat/completions}).
     */
    URI target(String pathAndQuery) {
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String path = pathAndQuery.startsWith(prefix + "/") || prefix.isEmpty() ? pathAndQuery : prefix + pathAndQuery;
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }
}
