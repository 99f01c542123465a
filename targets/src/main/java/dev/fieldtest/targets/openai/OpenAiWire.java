package dev.fieldtest.targets.openai;

import dev.fieldtest.targets.call.Attempt;
import dev.fieldtest.targets.call.WireProtocol;
import java.io.InputStream;

/** The Chat Completions protocol of {@code type: openai}: a JSON completion, an error body, or an SSE stream. */
final class OpenAiWire implements WireProtocol {
    @Override
    public Attempt completion(byte[] body, double latencyMs, String url) {
        return Responses.completion(body, latencyMs, url);
    }

    @Override
    public Attempt error(int status, byte[] body, String url, double latencyMs) {
        return Responses.error(status, body, url, latencyMs);
    }

    @Override
    public Attempt stream(InputStream in, String url, long sentNanos) {
        return new SseReader(url, sentNanos).read(in);
    }
}
