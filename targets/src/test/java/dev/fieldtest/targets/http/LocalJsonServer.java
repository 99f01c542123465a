package dev.fieldtest.targets.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** A JDK HttpServer on loopback answering queued responses in order and recording each request. */
final class LocalJsonServer implements AutoCloseable {
    record Response(int status, String body) {}

    record Request(String method, String path, String contentType, String header, String body) {}

    private final HttpServer http;
    private final Queue<Response> responses = new ConcurrentLinkedQueue<>();
    final Queue<Request> requests = new ConcurrentLinkedQueue<>();

    LocalJsonServer() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", ex -> {
            try (ex) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Content-Type"),
                        ex.getRequestHeaders().getFirst("X-Org"), body));
                Response r = responses.poll();
                if (r == null) r = new Response(500, "no response queued");
                byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(r.status(), bytes.length);
                ex.getResponseBody().write(bytes);
            }
        });
        http.start();
    }

    LocalJsonServer answer(int status, String body) {
        responses.add(new Response(status, body));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    List<Request> received() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
