package dev.fieldtest.serve.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes an OTLP protobuf ExportTraceServiceRequest with the OpenTelemetry proto classes. */
public final class OtlpProto {
    private OtlpProto() {}

    /** @throws IllegalArgumentException when the bytes are not an ExportTraceServiceRequest */
    public static OtlpBatch decode(byte[] body) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the body is not an OTLP protobuf ExportTraceServiceRequest (" + e.getMessage() + ")", e);
        }
        List<OtlpSpan> spans = new ArrayList<>();
        int rejected = 0;
        String problem = null;
        for (ResourceSpans rs : request.getResourceSpansList()) {
            Map<String, Object> resource = attributes(rs.hasResource() ? rs.getResource() : Resource.getDefaultInstance());
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (Span s : ss.getSpansList()) {
                    String trace = OtlpIds.hex(s.getTraceId().toByteArray(), 16), span = OtlpIds.hex(s.getSpanId().toByteArray(), 8);
                    if (trace == null || span == null) {
                        rejected++;
                        if (problem == null) problem = "span \"" + s.getName() + "\" has no valid " + (trace == null ? "trace_id (16 bytes, not all zero)" : "span_id (8 bytes, not all zero)");
                        continue;
                    }
                    List<OtlpSpan.Event> events = s.getEventsList().stream().map(e -> new OtlpSpan.Event(e.getName(), e.getTimeUnixNano())).toList();
                    spans.add(new OtlpSpan(trace, span, s.getName(), s.getStartTimeUnixNano(), s.getEndTimeUnixNano(), attributes(s.getAttributesList()), resource, events,
                            s.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR));
                }
            }
        }
        return new OtlpBatch(spans, rejected, problem);
    }

    private static Map<String, Object> attributes(Resource r) {
        return attributes(r.getAttributesList());
    }

    private static Map<String, Object> attributes(List<KeyValue> kvs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (KeyValue kv : kvs) {
            Object v = value(kv.getValue());
            if (v != null) out.put(kv.getKey(), v);
        }
        return out;
    }

    private static Object value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case INT_VALUE -> v.getIntValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpProto::value).filter(x -> x != null).toList();
            case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
            case BYTES_VALUE -> java.util.Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray());
            default -> null;
        };
    }
}
