package dev.fieldtest.llama.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.llama.SamplingParams;
import dev.fieldtest.llama.internal.Protocol.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shapes the Protocol Javadoc documents. */
class ProtocolTest {
    @Test
    void messagesAreOneLineOfSnakeCaseJson() throws Exception {
        String request = Protocol.write(new Protocol.Request(1, "Once upon\na time", new SamplingParams(0, 48, 42, null, 0.9, List.of("\n"))));

        assertThat(request).isEqualTo("{\"id\":1,\"prompt\":\"Once upon\\na time\",\"params\":{\"temperature\":0.0,\"max_tokens\":48,\"seed\":42,"
                + "\"top_k\":null,\"top_p\":0.9,\"stop\":[\"\\n\"]}}");
        assertThat(Protocol.read(request, Protocol.Request.class).params().topP()).isEqualTo(0.9);
        assertThat(Protocol.write(Reply.ready(212.5))).isEqualTo("{\"ready\":true,\"load_ms\":212.5}");
        assertThat(Protocol.write(Reply.token(1, ",", 6612917))).isEqualTo("{\"id\":1,\"text\":\",\",\"t_ns\":6612917}");
        assertThat(Protocol.write(Reply.done(1, 4, 48, "length")))
                .isEqualTo("{\"id\":1,\"done\":true,\"prompt_tokens\":4,\"completion_tokens\":48,\"finish_reason\":\"length\"}");
        assertThat(Protocol.write(Reply.error(null, "boom"))).isEqualTo("{\"error\":\"boom\"}");
    }

    @Test
    void eachReplyShapeIsRecognisedAndAnythingElseIsNot() throws Exception {
        assertThat(Protocol.read("{\"ready\":true,\"load_ms\":1}", Reply.class).kind()).isEqualTo(Reply.Kind.READY);
        assertThat(Protocol.read("{\"id\":1,\"text\":\"a\",\"t_ns\":5}", Reply.class).kind()).isEqualTo(Reply.Kind.TOKEN);
        assertThat(Protocol.read("{\"id\":1,\"done\":true,\"prompt_tokens\":1,\"completion_tokens\":2,\"finish_reason\":\"stop\"}", Reply.class).kind())
                .isEqualTo(Reply.Kind.DONE);
        assertThat(Protocol.read("{\"id\":1,\"error\":\"x\"}", Reply.class).kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(Protocol.read("{\"id\":1,\"done\":true}", Reply.class).kind()).isEqualTo(Reply.Kind.UNKNOWN);
        assertThat(Protocol.read("{}", Reply.class).kind()).isEqualTo(Reply.Kind.UNKNOWN);
        assertThatThrownBy(() -> Protocol.read("{\"id\":1,\"surprise\":true}", Reply.class)).isInstanceOf(java.io.IOException.class);
    }
}
