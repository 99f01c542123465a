package dev.fieldtest.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.serve.otlp.OtlpReceiver;
import dev.fieldtest.serve.otlp.ProductionSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes every request: POST /v1/traces to the OTLP trace receiver; everything else GET or HEAD only, a Host header naming this machine when bound to loopback (so a web page
 * elsewhere cannot reach the dashboard by DNS rebinding), then one page per path. Refusals become error pages
 * (JSON under /api/); an unreadable history is a 503 naming the file and the fix.
 */
final class Dispatcher implements HttpHandler {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final String OTLP_TRACES = "/v1/traces";
    private final HistoryReader history;
    private final boolean loopback;
    private final PrintStream log;
    private final OtlpReceiver otlp;
    private final DriftSource drift;

    Dispatcher(HistoryReader history, boolean loopback, PrintStream log) {
        this(history, loopback, log, ProductionSettings.defaults());
    }

    Dispatcher(HistoryReader history, boolean loopback, PrintStream log, ProductionSettings production) {
        this(history, loopback, log, production, null);
    }

    /** {@code drift}: the suite the /drift page compares with, or null (the page then says how to give one). */
    Dispatcher(HistoryReader history, boolean loopback, PrintStream log, ProductionSettings production, DriftSource drift) {
        this.drift = drift;
        this.history = history;
        this.loopback = loopback;
        this.log = log;
        this.otlp = new OtlpReceiver(production, spans -> {
            var added = history.read(h -> h.production().add(spans));
            log.println("fieldtest serve: /v1/traces: " + added.added() + " new spans, " + added.duplicates() + " already stored");
            return added;
        }, Defaults.OTLP_MAX_BODY_BYTES);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        boolean api = rawPath != null && rawPath.startsWith("/api/");
        if (OTLP_TRACES.equals(rawPath)) {
            send(ex, otlp(ex));
            return;
        }
        Reply reply;
        try {
            reply = route(ex, rawPath);
        } catch (HttpProblem p) {
            reply = error(api, p.status(), p.getMessage());
        } catch (HistoryException e) {
            reply = error(api, 503, e.getMessage());
        } catch (RuntimeException e) {
            log.println("fieldtest serve: " + ex.getRequestMethod() + " " + rawPath + " failed: " + e);
            reply = error(api, 500, "the dashboard failed on this request (" + e.getClass().getSimpleName() + "); see the server's output");
        }
        send(ex, reply);
    }

    /** POST /v1/traces, the one route that writes (docs/production.md); the Host check applies to it too. */
    private Reply otlp(HttpExchange ex) throws IOException {
        try {
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().set("Allow", "POST");
                throw new HttpProblem(405, ex.getRequestMethod() + " is not allowed at " + OTLP_TRACES + "; OTLP/HTTP exporters POST traces here");
            }
            checkHost(ex.getRequestHeaders().getFirst("Host"));
            var r = otlp.receive(ex.getRequestHeaders().getFirst("Content-Type"), ex.getRequestHeaders().getFirst("Content-Encoding"), ex.getRequestBody());
            return new Reply(r.status(), r.contentType(), r.body(), Layout.CSP);
        } catch (HttpProblem p) {
            return ApiJson.error(p.status(), p.getMessage());
        } catch (RuntimeException e) {
            log.println("fieldtest serve: POST " + OTLP_TRACES + " failed: " + e);
            return ApiJson.error(500, "the trace receiver failed on this request (" + e.getClass().getSimpleName() + "); see the server's output");
        }
    }

    private Reply route(HttpExchange ex, String rawPath) {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new HttpProblem(405, method + " is not allowed; the dashboard is read-only (GET)");
        }
        checkHost(ex.getRequestHeaders().getFirst("Host"));
        String rawQuery = ex.getRequestURI().getRawQuery();
        List<String> seg = Uris.segments(rawPath);
        String path = String.join("/", seg);
        if (seg.isEmpty()) {
            Map<String, String> q = Uris.query(rawQuery, RunListPage.PARAMS);
            return RunListPage.render(history.read(h -> h.runs()), q);
        }
        if (seg.size() == 2 && seg.get(0).equals("runs") && !seg.get(1).isEmpty()) {
            Uris.query(rawQuery, Set.of());
            String id = seg.get(1);
            RunPage.Recorded r = history.read(h -> h.run(id).map(run -> new RunPage.Recorded(run, h.summaryJson(id).orElse(null), h.metrics(id))).orElse(null));
            if (r == null) throw HttpProblem.notFound("no run with id \"" + id + "\" is recorded in " + history.store().display() + "; the list at / has every recorded run");
            return RunPage.render(r);
        }
        if (path.equals("metrics")) {
            Map<String, String> q = Uris.query(rawQuery, MetricsPage.PARAMS);
            MetricsPage.validate(q);
            String target = q.getOrDefault("target", ""), metric = q.getOrDefault("metric", "");
            return MetricsPage.render(history.read(h -> MetricsPage.read(h, target, metric)), target, metric);
        }
        if (path.equals("api/runs")) return ApiJson.runs(history.read(h -> h.runs()), Uris.query(rawQuery, ApiJson.RUNS_PARAMS));
        if (path.equals("api/series")) {
            Map<String, String> q = Uris.query(rawQuery, ApiJson.SERIES_PARAMS);
            ApiJson.validateSeries(q);
            return ApiJson.series(q.get("target"), q.get("metric"), history.read(h -> h.metricSeries(q.get("target"), q.get("metric"))));
        }
        Reply insight = InsightRoutes.route(path, rawQuery, history, drift);
        if (insight != null) return insight;
        throw HttpProblem.notFound("nothing at " + rawPath + "; the dashboard has /, /runs/{id}, /metrics, " + InsightRoutes.PATHS + ", /api/runs and /api/series");
    }

    private void checkHost(String host) {
        if (!loopback || host == null) return;
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) name = name.substring(0, colon);
        if (!LOCAL_NAMES.contains(name)) {
            throw new HttpProblem(421, "this dashboard answers requests for localhost or 127.0.0.1 only, not for host \"" + host + "\"");
        }
    }

    private static Reply error(boolean api, int status, String message) {
        return api ? ApiJson.error(status, message) : Reply.html(status, Layout.errorPage(status, message));
    }

    private static void send(HttpExchange ex, Reply r) throws IOException {
        var headers = ex.getResponseHeaders();
        headers.set("Content-Type", r.contentType());
        headers.set("Content-Security-Policy", r.contentSecurityPolicy());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length == 0 ? -1 : r.body().length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
        ex.close();
    }
}
