package dev.fieldtest.cli;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For tests that start {@code fieldtest serve} in this JVM: the URL it prints, and pages fetched from it. */
final class ServeUrl {
    private static final Pattern PRINTED = Pattern.compile("fieldtest serve: (http://\\S+)");

    private ServeUrl() {}

    /** Waits up to 15 s for serve to print its URL on {@code out}; {@code err} goes into the failure message. */
    static URI await(ByteArrayOutputStream out, ByteArrayOutputStream err) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Matcher m = PRINTED.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) return URI.create(m.group(1));
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no URL; stderr: " + err.toString(StandardCharsets.UTF_8));
    }

    /** The page's body; fails unless it answered 200. */
    static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError(uri + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }
}
