package dev.fieldtest.serve;

import static dev.fieldtest.report.HtmlEscape.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The shell every dashboard page shares: doctype, title, the one inline style sheet, navigation. The pages carry no
 * script at all; {@link #CSP} allows only that style (by hash), forms that submit to this server, and nothing fetched.
 */
final class Layout {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 32px;color:#222}
            nav{display:flex;gap:16px;padding:12px 0;border-bottom:1px solid #ddd;margin-bottom:8px}
            table{border-collapse:collapse;margin:8px 0}th,td{border-bottom:1px solid #eee;padding:4px 10px;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#666}.error{color:#a00}
            pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:480px}form{margin:8px 0}select{max-width:420px}
            ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:12px;padding:0}tr.overdue td.status{color:#a00;font-weight:bold}td.example{max-width:480px}div.wide{overflow-x:auto}
            """;
    /** Nothing may be fetched, no script runs, only this style applies; forms go to this server; no framing. */
    static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private Layout() {}

    /** A whole page; {@code bodyHtml} must already be escaped. */
    static String page(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + text(title) + " · fieldtest</title>\n<style>"
                + CSS + "</style>\n</head><body>\n<nav><a href=\"/\">Runs</a><a href=\"/metrics\">Metrics over time</a>"
                + "<a href=\"/production\">Production</a><a href=\"/ledger\">Ledger</a><a href=\"/reviews\">Reviews</a><a href=\"/drift\">Drift</a>"
                + "<a href=\"/api/runs\">/api/runs</a></nav>\n" + bodyHtml + "</body></html>\n";
    }

    static String errorPage(int status, String message) {
        return page("error " + status, "<h1>" + status + " " + text(reason(status)) + "</h1>\n<p class=\"error\" id=\"error\">" + text(message) + "</p>\n");
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 421 -> "Misdirected request";
            case 503 -> "Run history unavailable";
            default -> "Server error";
        };
    }

    private static String sha256(String s) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
