package dev.fieldtest.serve;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP response of the dashboard: status, media type, body, and the Content-Security-Policy header it is sent
 * with (never empty: every response forbids fetching anything from anywhere).
 */
record Reply(int status, String contentType, byte[] body, String contentSecurityPolicy) {
    static Reply html(int status, String page) {
        return new Reply(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Layout.CSP);
    }

    static Reply json(int status, String json) {
        return new Reply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Layout.CSP);
    }
}
