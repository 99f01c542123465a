package dev.fieldtest.core.testing;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import java.util.Map;
import java.util.Set;

/** type: echo — answers with the last message; `fail: client_error` makes every call fail that way. For core's tests. */
public final class EchoTargetFactory implements TargetFactory {
    @Override
    public Set<String> types() {
        return Set.of("echo");
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        ConfigReader r = new ConfigReader(spec.settings(), problems).allowKeys(Set.of("id", "type", "fail"));
        String fail = r.string("fail", null);
        return echo(spec.id(), fail == null ? null : ErrorClass.fromWireName(fail));
    }

    public static Target echo(String id, ErrorClass fail) {
        return new Target() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Observation call(CallRequest r) {
                String text = r.messages().get(r.messages().size() - 1).content();
                return new Observation(id, r.caseId(), r.repeatIndex(), r.messages(), fail == null ? text : null,
                        fail == null ? new Usage(3, 2) : null, 1.5, null, null, 1, 0, fail, fail == null ? null : "refused", 0.001, "stop", "echo");
            }

            @Override
            public Map<String, Object> describe() {
                return Map.of("type", "echo", "model", "echo-model");
            }
        };
    }
}
