package dev.fieldtest.llama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptFormatTest {
    @Test
    void plainPutsSystemMessagesFirstAndSeparatesMessagesByBlankLines() {
        List<Message> messages = List.of(Message.user("Once upon a time"), new Message("system", "Tell a story."),
                new Message("assistant", "There was"), new Message("system", "Keep it short."));

        assertThat(PromptFormat.PLAIN.render(messages)).isEqualTo("Tell a story.\n\nKeep it short.\n\nOnce upon a time\n\nThere was");
        assertThat(PromptFormat.PLAIN.render(List.of(Message.user("Once upon a time")))).isEqualTo("Once upon a time");
    }
}
