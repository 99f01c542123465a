package dev.fieldtest.serve.otlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.ProductionSpan;
import dev.fieldtest.history.ProductionSpansAdded;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * OTLP/HTTP trace receiver for POST /v1/traces (docs/production.md): protobuf or JSON bodies, optionally gzip'd, at
 * most {@code maxBytes} before and after decompression. Answers as OTLP/HTTP specifies: 200 with an
 * ExportTraceServiceResponse in the request's encoding (partial_success naming rejected spans when some were
 * unusable); 400 for an undecodable body, 413 for one too large, 415 for another media type, 503 when the history
 * cannot be written (the exporter retries); error bodies are a google.rpc.Status.
 */
public final class OtlpReceiver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProductionSettings settings;
    private final Function<List<ProductionSpan>, ProductionSpansAdded> store;
    private final int maxBytes;

    /** One response: status, media type and body. */
    public record Response(int status, String contentType, byte[] body) {}

    public OtlpReceiver(ProductionSettings settings, Function<List<ProductionSpan>, ProductionSpansAdded> store, int maxBytes) {
        this.settings = settings;
        this.store = store;
        this.maxBytes = maxBytes;
    }

    public Response receive(String contentType, String contentEncoding, InputStream body) throws IOException {
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean proto = media.equals("application/x-protobuf");
        if (!proto && !media.equals("application/json")) {
            return status(false, 415, "Content-Type \"" + contentType + "\" is not accepted; send application/x-protobuf or application/json (OTLP/HTTP)");
        }
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity") && !encoding.equals("gzip")) {
            return status(!proto, 415, "Content-Encoding \"" + contentEncoding + "\" is not accepted; send gzip or no encoding");
        }
        byte[] bytes = readAtMost(body);
        if (bytes == null) return status(!proto, 413, "the request body is larger than " + maxBytes + " bytes; send smaller batches");
        if (encoding.equals("gzip")) {
            try {
                bytes = readAtMost(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)));
            } catch (IOException e) {
                return status(!proto, 400, "the body is not valid gzip (" + e.getMessage() + ")");
            }
            if (bytes == null) return status(!proto, 413, "the gunzipped request body is larger than " + maxBytes + " bytes; send smaller batches");
        }
        GenAiSpans.Result mapped;
        try {
            OtlpBatch batch = proto ? OtlpProto.decode(bytes) : OtlpJson.decode(new String(bytes, StandardCharsets.UTF_8));
            mapped = GenAiSpans.map(batch, settings);
        } catch (IllegalArgumentException e) {
            return status(!proto, 400, e.getMessage());
        }
        try {
            if (!mapped.spans().isEmpty()) store.apply(mapped.spans());
        } catch (HistoryException e) {
            return status(!proto, 503, "could not store the spans: " + e.getMessage());
        }
        return success(proto, mapped.rejected(), mapped.firstProblem());
    }

    private byte[] readAtMost(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + n > maxBytes) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Response success(boolean proto, int rejected, String problem) {
        ExportTraceServiceResponse.Builder r = ExportTraceServiceResponse.newBuilder();
        if (rejected > 0) r.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected).setErrorMessage(problem));
        if (proto) return new Response(200, "application/x-protobuf", r.build().toByteArray());
        ObjectNode o = JSON.createObjectNode();
        if (rejected > 0) o.putObject("partialSuccess").put("rejectedSpans", String.valueOf(rejected)).put("errorMessage", problem);
        return new Response(200, "application/json", o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A google.rpc.Status {code, message} (code: the gRPC code nearest the HTTP status), as JSON or protobuf. */
    private static Response status(boolean json, int http, String message) {
        int code = switch (http) {
            case 400 -> 3;  // INVALID_ARGUMENT
            case 413 -> 8;  // RESOURCE_EXHAUSTED
            case 503 -> 14; // UNAVAILABLE
            default -> 3;
        };
        if (json) {
            return new Response(http, "application/json", JSON.createObjectNode().put("code", code).put("message", message).toString().getBytes(StandardCharsets.UTF_8));
        }
        // google.rpc.Status: field 1 code (varint), field 2 message (length-delimited); written by hand, no extra dependency.
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x08);
        out.write(code);
        out.write(0x12);
        for (int n = text.length; ; n >>>= 7) {
            if (n < 0x80) {
                out.write(n);
                break;
            }
            out.write((n & 0x7f) | 0x80);
        }
        out.writeBytes(text);
        return new Response(http, "application/x-protobuf", out.toByteArray());
    }
}
