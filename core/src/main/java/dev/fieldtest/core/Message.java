package dev.fieldtest.core;

import java.util.Objects;

/**
 * One chat message as sent to a target: {@code role} is {@code system}, {@code user} or {@code assistant}.
 * Immutable.
 */
public record Message(String role, String content) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message user(String content) {
        return new Message("user", content);
    }
}
