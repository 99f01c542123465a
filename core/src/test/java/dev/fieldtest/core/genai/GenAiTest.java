package dev.fieldtest.core.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class GenAiTest {
    @Test
    void errorTypesMapToErrorClasses() {
        assertThat(ErrorTypes.classify("429")).isEqualTo(ErrorClass.THROTTLED);
        assertThat(ErrorTypes.classify("RateLimitError")).isEqualTo(ErrorClass.THROTTLED);
        assertThat(ErrorTypes.classify("rate_limit_exceeded")).isEqualTo(ErrorClass.THROTTLED);
        assertThat(ErrorTypes.classify("503")).isEqualTo(ErrorClass.SERVER_ERROR);
        assertThat(ErrorTypes.classify("400")).isEqualTo(ErrorClass.CLIENT_ERROR);
        assertThat(ErrorTypes.classify("APITimeoutError")).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(ErrorTypes.classify("APIConnectionError")).isEqualTo(ErrorClass.CONNECTION);
        assertThat(ErrorTypes.classify("client_error")).isEqualTo(ErrorClass.CLIENT_ERROR); // fieldtest's own wire name
        assertThat(ErrorTypes.classify("_OTHER")).isNull();
        assertThat(ErrorTypes.classify(null)).isNull();
    }

    @Test
    void messagesInBothShapesKeepTextPartsOnly() throws IOException {
        String json = "[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"a\"},{\"type\":\"image\"},{\"type\":\"text\",\"content\":\"b\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"name\":\"f\"}]}]";
        assertThat(GenAiMessages.parse(json)).containsExactly(new Message("system", "Be brief."), new Message("user", "a\nb"));
        assertThat(GenAiMessages.parse(null)).isEmpty();
        assertThatThrownBy(() -> GenAiMessages.parse("{\"role\":\"user\"}")).isInstanceOf(IOException.class).hasMessageContaining("JSON array");
        assertThat(GenAiMessages.parseOrEmpty("not json")).isEmpty();
    }
}
