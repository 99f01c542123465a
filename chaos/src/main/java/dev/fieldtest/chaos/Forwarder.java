package dev.fieldtest.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * Passes an upstream response to the client, applying the response-side faults: a stream is relayed event by event
 * (drip delays each, malformed injects one bad event, truncate stops early and drops the connection); a JSON body
 * is relayed whole, cut halfway, replaced by non-JSON or delayed. Without a fault the bytes are unchanged.
 */
final class Forwarder {
    /** What a malformed stream event carries: the start of a JSON object that never ends. */
    static final byte[] BAD_EVENT = "data: {\"id\": \"chaos\", \"choices\": [{\"delta\": {\"content\": \"\n\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] BAD_BODY = "<html><body><h1>502 Bad Gateway</h1></body></html>\n".getBytes(StandardCharsets.UTF_8);

    private Forwarder() {}

    /**
     * Relays {@code response} to the client on {@code socket}; {@code onUpstream} hears the upstream status
     * before anything reaches the client (so the log row is durable before the client sees the fault).
     */
    static void relay(Upstream.Response response, Action action, Socket socket, ClientWriter client, IntConsumer onUpstream)
            throws IOException, InterruptedException {
        onUpstream.accept(response.status());
        try (InputStream body = response.body()) {
            if (response.isEventStream()) stream(response, action, socket, client, body);
            else whole(response, action, socket, client, body.readAllBytes());
        }
    }

    private static void stream(Upstream.Response response, Action action, Socket socket, ClientWriter client, InputStream body)
            throws IOException, InterruptedException {
        client.head(response.status(), response.headers(), -1);
        SseEvents events = new SseEvents(body);
        int sent = 0;
        for (byte[] event; (event = events.next()) != null; ) {
            if (!hasData(event)) { // a comment (keep-alive) is no chunk: it passes and is not counted
                client.chunk(event);
                continue;
            }
            if (action instanceof Action.Truncate t && sent >= t.chunks()) {
                socket.close(); // no [DONE] and no closing chunk: the stream just stops
                return;
            }
            if (action instanceof Action.Malformed m && sent == m.after()) client.chunk(BAD_EVENT);
            if (action instanceof Action.Drip d) Thread.sleep(d.ms());
            client.chunk(event);
            sent++;
        }
        if (action instanceof Action.Malformed m && sent <= m.after()) client.chunk(BAD_EVENT); // a stream shorter than `after`
        client.endChunks();
    }

    /** Whether an event has a data line (at the start or after a newline). */
    static boolean hasData(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        return text.startsWith("data:") || text.contains("\ndata:");
    }

    private static void whole(Upstream.Response response, Action action, Socket socket, ClientWriter client, byte[] bytes)
            throws IOException, InterruptedException {
        switch (action) {
            case Action.Truncate t -> {
                client.head(response.status(), response.headers(), bytes.length); // the full length is promised ...
                client.raw(bytes, 0, bytes.length / 2); // ... half is sent
                socket.close();
            }
            case Action.Malformed m -> client.whole(response.status(), response.headers(), BAD_BODY);
            case Action.Drip d -> {
                client.head(response.status(), response.headers(), bytes.length);
                Thread.sleep(d.ms());
                client.raw(bytes, 0, bytes.length);
            }
            case null, default -> client.whole(response.status(), response.headers(), bytes);
        }
    }
}
