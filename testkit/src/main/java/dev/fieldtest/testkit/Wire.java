package dev.fieldtest.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON bodies of the Chat Completions protocol, field for field in the order the real API sends
 * them, so tests see what a client of api.openai.com would.
 */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FINGERPRINT = "fp_fieldtest";

    private Wire() {}

    /** Identity fields shared by a completion and every chunk of one stream. */
    record Head(String id, long created, String model) {}

    static ObjectNode completion(Head head, String text, String finishReason, int prompt, int completion) {
        ObjectNode root = start(head, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        root.set("usage", usage(prompt, completion));
        root.put("system_fingerprint", FINGERPRINT);
        return root;
    }

    /**
     * One streamed chunk. {@code role} and {@code content} go into {@code delta} when non-null;
     * {@code usage: null} is present on every chunk when the client asked for a usage chunk, as the API does.
     */
    static ObjectNode chunk(Head head, String role, String content, String finishReason, boolean includeUsage) {
        ObjectNode root = start(head, "chat.completion.chunk");
        root.put("system_fingerprint", FINGERPRINT);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (role != null) delta.put("role", role);
        if (content != null) delta.put("content", content);
        choice.putNull("logprobs");
        if (finishReason == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finishReason);
        if (includeUsage) root.putNull("usage");
        return root;
    }

    /** The last chunk of a stream with {@code stream_options.include_usage}: no choices, only usage. */
    static ObjectNode usageChunk(Head head, int prompt, int completion) {
        ObjectNode root = start(head, "chat.completion.chunk");
        root.put("system_fingerprint", FINGERPRINT);
        root.putArray("choices");
        root.set("usage", usage(prompt, completion));
        return root;
    }

    /** OpenAI's error shape: {@code {"error": {"message", "type", "param", "code"}}}. */
    static ObjectNode error(String message, String type, String param, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root;
    }

    private static ObjectNode start(Head head, String object) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", head.id());
        root.put("object", object);
        root.put("created", head.created());
        root.put("model", head.model());
        return root;
    }

    private static ObjectNode usage(int prompt, int completion) {
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }
}
