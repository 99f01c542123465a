package dev.fieldtest.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request as read off a client socket: request line, headers in order and the whole body
 * (Content-Length or chunked). Immutable.
 */
record RawRequest(String method, String target, List<String[]> headers, byte[] body) {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    /**
     * The next request, or null when the client closed the connection before sending one. A client that sent
     * {@code Expect: 100-continue} is told to go on through {@code out} before its body is read.
     */
    static RawRequest read(InputStream in, java.io.OutputStream out) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) return null;
        String[] parts = line.split(" ");
        if (parts.length != 3) throw new IOException("not an HTTP request line: " + line);
        List<String[]> headers = new ArrayList<>();
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.add(new String[] {h.substring(0, colon).trim(), h.substring(colon + 1).trim()});
        }
        RawRequest head = new RawRequest(parts[0], parts[1], headers, new byte[0]);
        if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) body = chunked(in);
        else {
            String length = head.header("Content-Length");
            long n = length == null ? 0 : Long.parseLong(length.trim());
            if (n > MAX_BODY) throw new IOException("request body of " + n + " bytes is over the proxy's limit");
            body = in.readNBytes((int) n);
        }
        return new RawRequest(parts[0], parts[1], headers, body);
    }

    String header(String name) {
        for (String[] h : headers) if (h[0].equalsIgnoreCase(name)) return h[1];
        return null;
    }

    /** A chat completions call: the requests faults apply to. */
    boolean isChat() {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return method.equals("POST") && path.toLowerCase(Locale.ROOT).endsWith("/chat/completions");
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) throw new IOException("the request body ended inside a chunk");
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) break;
            out.write(in.readNBytes(n));
            line(in);
        }
        while (true) { // trailers end at a blank line
            String t = line(in);
            if (t == null || t.isEmpty()) break;
        }
        return out.toByteArray();
    }

    /** A CRLF- or LF-terminated line without its terminator; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (b.size() > MAX_LINE) throw new IOException("header line over " + MAX_LINE + " bytes");
            b.write(c);
        }
        if (c == -1 && b.size() == 0) return null;
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
