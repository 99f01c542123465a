package dev.fieldtest.embedded;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.Capability;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The embedded-qa target passes the conformance kit's plain answer with the bundled MiniLM model, against a
 * one-entry knowledge base ({@link KnowledgeBaseScript}). It has none of the capabilities: it answers in process
 * in one attempt with no timeout, stream or interrupt point, counts words instead of reporting token usage, and
 * fails only for a request without a user message, which the kit does not script.
 */
class EmbeddedQaConformanceTest extends TargetConformanceKit {

    @Override
    protected ScriptedServer startServer() {
        return new KnowledgeBaseScript();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        // of the kit's settings only pricing is an embedded-qa setting: stream, timeout and retries are not
        Problems problems = new Problems();
        Target t = new EmbeddedQaTargetFactory().create(spec("embedded-qa", Map.of("pricing", settings.get("pricing")), Map.of(
                "id", "embedded-conformance", "knowledge_base", ((KnowledgeBaseScript) server).knowledgeBase().toString())), problems);
        problems.throwIfAny();
        return t;
    }

    /** The answer, then its source and confidence: the entry's question is the kit's, so the cosine is 1. */
    @Override
    protected String expectedOutput(String text) {
        return text + "\n(source: " + KnowledgeBaseScript.ENTRY_ID + ", confidence: 1.00)";
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }
}
