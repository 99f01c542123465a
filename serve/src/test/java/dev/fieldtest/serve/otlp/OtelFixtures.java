package dev.fieldtest.serve.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Spans made by the OpenTelemetry SDK in memory and serialized by the SDK's own OTLP exporter marshaler, so the
 * receiver is tested against what real exporters send, not against our own idea of OTLP.
 */
final class OtelFixtures {
    private OtelFixtures() {}

    /** Collects the spans the SDK ends. */
    static final class Collect implements SpanExporter {
        final List<SpanData> spans = new ArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Makes spans with {@code build} on a tracer whose resource carries {@code resource}; returns them ended. */
    static List<SpanData> spans(Attributes resource, Consumer<Tracer> build) {
        Collect collect = new Collect();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(Resource.create(resource))
                .addSpanProcessor(SimpleSpanProcessor.create(collect)).build()) {
            build.accept(provider.get("fixture"));
        }
        return collect.spans;
    }

    /** A span from {@code startNanos} lasting {@code durationMs}, with these attributes. */
    static Span span(Tracer t, String name, long startNanos, double durationMs, Attributes attributes) {
        Span s = t.spanBuilder(name).setStartTimestamp(startNanos, TimeUnit.NANOSECONDS).setAllAttributes(attributes).startSpan();
        return s;
    }

    static void end(Span s, long startNanos, double durationMs) {
        s.end(startNanos + Math.round(durationMs * 1e6), TimeUnit.NANOSECONDS);
    }

    static byte[] protobuf(List<SpanData> spans) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(out);
        return out.toByteArray();
    }

    static String json(List<SpanData> spans) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeJsonTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static <T> AttributeKey<T> key(AttributeKey<T> k) {
        return k;
    }
}
