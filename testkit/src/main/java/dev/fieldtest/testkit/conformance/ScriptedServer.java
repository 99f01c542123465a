package dev.fieldtest.testkit.conformance;

/**
 * A local server speaking one provider's exact wire protocol, answering each request with the next scripted
 * {@link Step} (an ordinary answer once the script runs out). Adapters exist for each fake server of this
 * module, such as {@link OpenAiScriptedServer}; {@link CommandScript} plays the server's part for command
 * targets. Closing it stops the server.
 */
public interface ScriptedServer extends AutoCloseable {
    /** Queues steps for the next requests, in order. */
    void script(Step... steps);

    /** Requests received so far, whatever they were answered with. */
    int requestCount();

    /** Where a target points to reach this server, such as {@code http://127.0.0.1:41234/v1}; for a program, its command line. */
    String baseUrl();

    @Override
    void close();
}
