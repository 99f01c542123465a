package dev.fieldtest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bytes exactly as a socket sees them: HTTP chunked framing around SSE events. */
class RawWireTest {
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void everyEventIsFlushedAsItsOwnHttpChunkAndTheBodyEndsCleanly() throws Exception {
        server.enqueue(Behavior.reply("a b"));
        String wire = exchange(Http.body("q", true, false));

        assertThat(wire).startsWith("HTTP/1.1 200 OK\r\n").containsIgnoringCase("transfer-encoding: chunked\r\n");
        String body = wire.substring(wire.indexOf("\r\n\r\n") + 4);
        // role, "a ", "b", finish, [DONE]: five chunks, each one event, then the zero-length last chunk
        String[] parts = body.split("\r\n");
        assertThat(parts).hasSize(11);
        for (int i = 0; i < 10; i += 2) {
            int size = Integer.parseInt(parts[i], 16);
            assertThat(parts[i + 1].getBytes(StandardCharsets.UTF_8)).hasSize(size);
            assertThat(parts[i + 1]).startsWith("data: ").endsWith("\n\n");
        }
        assertThat(parts[9]).isEqualTo("data: [DONE]\n\n");
        assertThat(parts[10]).isEqualTo("0");
        assertThat(body).endsWith("0\r\n\r\n");
    }

    @Test
    void cutStreamSendsChunksThenClosesWithoutTheLastChunk() throws Exception {
        server.enqueue(new Behavior.CutStream("one two three", 2));
        String wire = exchange(Http.body("q", true, false));

        assertThat(wire).contains("\"content\":\"one \"").contains("\"content\":\"two \"")
                .doesNotContain("three").doesNotContain("[DONE]").doesNotEndWith("0\r\n\r\n");
    }

    @Test
    void resetConnectionClosesWithoutAByte() throws Exception {
        server.enqueue(new Behavior.ResetConnection());

        assertThat(exchange(Http.body("q", false, false))).isEmpty();
    }

    /** One request on a fresh socket; everything the server sends until it closes (requests Connection: close). */
    private String exchange(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(received);
            } catch (IOException reset) {
                // a reset after the data is still an end of stream for this check
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
