package dev.fieldtest.targets.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Counts tokens with a BPE encoding (jtokkit; the vocabularies ship in its jar) for targets whose provider
 * reports none. Input is the sum over the messages' contents, without a chat format's per-message overhead, so
 * it reads a few tokens low against a provider's own count. Thread-safe.
 */
public final class TokenCounter {
    public static final String DEFAULT_ENCODING = "cl100k_base";
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The counter of a known encoding name, such as {@code cl100k_base} or {@code o200k_base}. */
    public static TokenCounter of(String name) {
        EncodingType type = EncodingType.fromName(name).orElseThrow(() -> new IllegalArgumentException("unknown encoding " + name));
        return new TokenCounter(REGISTRY.getEncoding(type));
    }

    /** Tokens of the messages' contents and of the output, as a {@link Usage.Source#TOKENIZER} usage. */
    public Usage count(List<Message> input, String output) {
        long in = 0;
        for (Message m : input) in += encoding.countTokens(m.content());
        return new Usage(in, output == null ? 0 : encoding.countTokens(output), 0, 0, Usage.Source.TOKENIZER);
    }

    /**
     * The {@code tokenizer} setting: an encoding name ({@value #DEFAULT_ENCODING} when absent) or {@code none}
     * (returns null: no counting). An unknown name is a problem at its location, listing the known ones.
     */
    public static String readEncoding(ConfigReader r) {
        String name = r.string("tokenizer", DEFAULT_ENCODING);
        if (name == null || name.equals("none")) return null;
        Optional<EncodingType> type = EncodingType.fromName(name);
        if (type.isEmpty()) {
            ConfigNode n = r.get("tokenizer").orElse(r.node());
            r.problems().add(n.location(), n.path() + " must name a tokenizer encoding, but was \"" + name + "\"",
                    "use one of " + String.join(", ", Arrays.stream(EncodingType.values()).map(EncodingType::getName).toList()) + ", or none");
            return null;
        }
        return name;
    }

    /**
     * {@code reported} when the provider gave usage; else the count of a successful call ({@code output} not null)
     * when {@code counter} is on; else null.
     */
    public static Usage orCount(TokenCounter counter, Usage reported, List<Message> input, String output) {
        if (reported != null || output == null || counter == null) return reported;
        return counter.count(input, output);
    }

    /** The counter of {@code name}, or null when counting is off. */
    public static TokenCounter orNull(String name) {
        return name == null ? null : of(name);
    }
}
