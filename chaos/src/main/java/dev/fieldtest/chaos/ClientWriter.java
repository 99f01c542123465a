package dev.fieldtest.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Writes one HTTP/1.1 response to the client, by hand, so a fault can stop it anywhere: after the headers, inside
 * the body or between two chunks. Every response says {@code Connection: close}. Not thread-safe.
 */
final class ClientWriter {
    /** Headers of the upstream response that describe its connection or framing, not its content. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "te", "trailer", "upgrade");
    private final OutputStream out;

    ClientWriter(OutputStream out) {
        this.out = out;
    }

    /** Status line and headers; {@code length} -1 means a chunked body follows. */
    void head(int status, List<String[]> headers, long length) throws IOException {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (String[] h : headers) {
            if (!HOP.contains(h[0].toLowerCase(java.util.Locale.ROOT))) b.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        b.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
        b.append("Connection: close\r\n\r\n");
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A whole response with a body of known length. */
    void whole(int status, List<String[]> headers, byte[] body) throws IOException {
        head(status, headers, body.length);
        out.write(body);
        out.flush();
    }

    void raw(byte[] bytes, int from, int length) throws IOException {
        out.write(bytes, from, length);
        out.flush();
    }

    /** One chunk of a chunked body, flushed so the client sees it now. */
    void chunk(byte[] bytes) throws IOException {
        if (bytes.length == 0) return;
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The last chunk: a chunked body that ends here ends properly. */
    void endChunks() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
