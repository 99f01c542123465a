package dev.fieldtest.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.OpenAiTargetFactory;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A fake OpenAI upstream, a chaos proxy in front of it with a plan given as YAML, and the real openai target as client. */
final class ChaosFixture implements AutoCloseable {
    static final CallRequest QUESTION = new CallRequest("c", 0, List.of(Message.user("hello")));
    final FakeOpenAiServer upstream = FakeOpenAiServer.start();
    final Path log;
    final ChaosProxy proxy;

    ChaosFixture(Path dir, String planYaml) throws Exception {
        Path planFile = Files.writeString(dir.resolve("plan.yaml"), planYaml);
        log = dir.resolve("injections.jsonl");
        proxy = ChaosProxy.start("127.0.0.1", 0, URI.create(upstream.baseUrl()), PlanReader.read(planFile), log);
    }

    /** The openai target pointed at the proxy; {@code extraYaml} adds target settings such as {@code stream: true}. */
    Target target(String extraYaml) throws Exception {
        String yaml = "id: t\nbase_url: " + proxy.url() + "\nmodel: m\nbackoff: 1ms\n" + extraYaml
                + (extraYaml.contains("max_retries") ? "" : "max_retries: 0\n");
        Problems problems = new Problems();
        Target t = new OpenAiTargetFactory(new Env(Map.of())).create(new TargetSpec("t", "openai",
                ConfigNode.read(new YAMLFactory().createParser(yaml), Path.of("suite.yaml"), "targets[0]"), Path.of(".")), problems);
        problems.throwIfAny();
        return t;
    }

    Observation call(Target t) throws InterruptedException {
        return t.call(QUESTION);
    }

    /** The log's rows. */
    List<JsonNode> rows() throws Exception {
        ObjectMapper json = new ObjectMapper();
        if (!Files.exists(log)) return List.of();
        return Files.readAllLines(log).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }

    /** Rows per kind, counted from the log file. */
    Map<String, Integer> loggedCounts() throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode r : rows()) out.merge(r.get("kind").asText(), 1, Integer::sum);
        return out;
    }

    @Override
    public void close() {
        proxy.close();
        upstream.close();
    }
}
