package dev.fieldtest.core.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Descriptors, language guesses, structures and input texts of fixed strings. */
class DescriptorsTest {
    @Test
    void lengthsInCodePointsAndWhitespaceTokens() {
        Descriptors d = Descriptors.of("  How do I reset\tmy password?\n");
        assertThat(d.tokens()).isEqualTo(6);
        // 2 spaces + "How do I reset" (14) + tab + "my password?" (12) + newline = 30; the surrounding whitespace counts
        assertThat(d.chars()).isEqualTo(30);
        assertThat(Descriptors.of("日本😀").chars()).isEqualTo(3);
        assertThat(Descriptors.of("   ").tokens()).isZero();
    }

    @Test
    void languageByScriptOrCommonWords() {
        assertThat(Language.of("How do I reset my password?")).isEqualTo("en");
        assertThat(Language.of("Wie kann ich mein Passwort ändern? Es ist nicht möglich.")).isEqualTo("de");
        assertThat(Language.of("Comment je change mon mot de passe pour le compte ?")).isEqualTo("fr");
        assertThat(Language.of("¿Cómo cambio mi contraseña para el correo?")).isEqualTo("es");
        assertThat(Language.of("Как сбросить пароль?")).isEqualTo("ru");
        assertThat(Language.of("パスワードをリセットする方法")).isEqualTo("ja");
        assertThat(Language.of("如何重置密码")).isEqualTo("zh");
        assertThat(Language.of("비밀번호를 재설정하는 방법")).isEqualTo("ko");
        assertThat(Language.of("Xyzzy plugh")).isEqualTo("und");
        assertThat(Language.of("42 !")).isEqualTo("none");
    }

    @Test
    void structureOfJsonCodeListsAndProse() {
        assertThat(Structure.of(" {\"a\": [1, 2]} ")).isEqualTo("json-object");
        assertThat(Structure.of("[1, {\"b\": null}]")).isEqualTo("json-array");
        assertThat(Structure.of("{\"a\": 1} and more")).isEqualTo("plain");
        assertThat(Structure.of("Why does this fail?\n```\nx = 1\n```")).isEqualTo("code");
        assertThat(Structure.of("int x = 1;\nif (x > 0) {\n  y();\n}")).isEqualTo("code");
        assertThat(Structure.of("Fix this:\ndef f(x):\n    return x")).isEqualTo("code");
        assertThat(Structure.of("Things to pack:\n- socks\n- shoes")).isEqualTo("list");
        assertThat(Structure.of("1. open\n2) close")).isEqualTo("list");
        assertThat(Structure.of("Hello; how are you? I am fine.")).isEqualTo("plain");
    }

    @Test
    void inputTextIsTheUserMessagesOfEitherShape() {
        assertThat(InputText.of(List.of(new Message("system", "Be brief."), Message.user("Hi"), Message.user("There"))))
                .isEqualTo("Hi\n\nThere");
        assertThat(InputText.of(List.of(new Message("system", "Only this")))).isEqualTo("Only this");
        assertThat(InputText.ofJson("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Where is my parcel?\"},{\"type\":\"blob\",\"content\":\"AAAA\"}]}]"))
                .contains("Where is my parcel?");
        assertThat(InputText.ofJson("[{\"role\":\"user\",\"content\":\"plain\"}]")).contains("plain");
        assertThat(InputText.ofJson("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}]"))
                .contains("a\nb");
        assertThat(InputText.ofJson("not json")).isEmpty();
        assertThat(InputText.ofJson(null)).isEmpty();
        assertThat(InputText.ofJson("[]")).isEmpty();
    }
}
