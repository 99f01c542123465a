package dev.fieldtest.core;

import dev.fieldtest.core.config.Template;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.core.spi.TargetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An evaluation as declared: the messages to send (templates), the cases that fill them, the targets to
 * call, the checks every call must pass, and how often and how widely to run. Filled by the YAML loader,
 * the library builder and the command line alike; immutable.
 *
 * @param repeat             runs per case and target (k), at least 1
 * @param concurrency        calls in flight at once, over all targets
 * @param confidenceExtract  where the model states its confidence (group 1 of the first match), or null
 * @param judges             models that grade (judge checks name them by id); never evaluated themselves
 * @param pairwise           comparisons of two targets by a judge, run after the calls (as declared)
 * @param confidentWrongAt   stated confidence from which a failed call counts as confidently wrong
 * @param load               the {@code load:} section as written, read by the load module (docs/load.md); null when absent
 * @param properties         behavioural properties gated after the run ({@code properties:}, docs/ci.md); empty when absent
 * @param online             online scoring of production spans ({@code online:}, docs/online-scoring.md); defaults when absent
 * @param budget             most calls and USD the run may spend ({@code budget:}, docs/suite.md); {@link dev.fieldtest.core.run.Budget#NONE} when absent
 */
public record Suite(String name, String description, Source source, List<MessageTemplate> messages,
                    List<Case> cases, Source dataset, int repeat, int concurrency,
                    List<TargetSpec> targets, List<CheckSpec> checks, Pattern confidenceExtract, List<TargetSpec> judges,
                    List<dev.fieldtest.core.config.ConfigNode> pairwise, double confidentWrongAt,
                    dev.fieldtest.core.config.ConfigNode load, List<dev.fieldtest.core.config.Property> properties,
                    dev.fieldtest.core.online.OnlineSettings online, dev.fieldtest.core.run.Budget budget) {

    /** A file the suite was read from, with the SHA-256 of its bytes for provenance. */
    public record Source(Path file, String sha256) {}

    /** One message of the prompt: a role and a content template. */
    public record MessageTemplate(String role, Template content) {}

    public Suite {
        messages = List.copyOf(messages);
        cases = List.copyOf(cases);
        targets = List.copyOf(targets);
        checks = List.copyOf(checks);
        judges = judges == null ? List.of() : List.copyOf(judges);
        pairwise = pairwise == null ? List.of() : List.copyOf(pairwise);
        properties = properties == null ? List.of() : List.copyOf(properties);
        online = online == null ? dev.fieldtest.core.online.OnlineSettings.DEFAULT : online;
        budget = budget == null ? dev.fieldtest.core.run.Budget.NONE : budget;
    }

    /** A suite without a {@code budget:} section (the shape before it existed). */
    public Suite(String name, String description, Source source, List<MessageTemplate> messages, List<Case> cases, Source dataset,
                 int repeat, int concurrency, List<TargetSpec> targets, List<CheckSpec> checks, Pattern confidenceExtract,
                 List<TargetSpec> judges, List<dev.fieldtest.core.config.ConfigNode> pairwise, double confidentWrongAt,
                 dev.fieldtest.core.config.ConfigNode load, List<dev.fieldtest.core.config.Property> properties,
                 dev.fieldtest.core.online.OnlineSettings online) {
        this(name, description, source, messages, cases, dataset, repeat, concurrency, targets, checks, confidenceExtract, judges,
                pairwise, confidentWrongAt, load, properties, online, null);
    }

    /** A suite without an {@code online:} section (the shape before it existed). */
    public Suite(String name, String description, Source source, List<MessageTemplate> messages, List<Case> cases, Source dataset,
                 int repeat, int concurrency, List<TargetSpec> targets, List<CheckSpec> checks, Pattern confidenceExtract,
                 List<TargetSpec> judges, List<dev.fieldtest.core.config.ConfigNode> pairwise, double confidentWrongAt,
                 dev.fieldtest.core.config.ConfigNode load, List<dev.fieldtest.core.config.Property> properties) {
        this(name, description, source, messages, cases, dataset, repeat, concurrency, targets, checks, confidenceExtract, judges,
                pairwise, confidentWrongAt, load, properties, null);
    }

    /** A suite without properties (the shape before {@code properties:} existed). */
    public Suite(String name, String description, Source source, List<MessageTemplate> messages, List<Case> cases, Source dataset,
                 int repeat, int concurrency, List<TargetSpec> targets, List<CheckSpec> checks, Pattern confidenceExtract,
                 List<TargetSpec> judges, List<dev.fieldtest.core.config.ConfigNode> pairwise, double confidentWrongAt,
                 dev.fieldtest.core.config.ConfigNode load) {
        this(name, description, source, messages, cases, dataset, repeat, concurrency, targets, checks, confidenceExtract, judges,
                pairwise, confidentWrongAt, load, List.of());
    }

    public Suite withRepeat(int k) {
        return new Suite(name, description, source, messages, cases, dataset, k, concurrency, targets, checks, confidenceExtract, judges, pairwise, confidentWrongAt, load, properties, online, budget);
    }

    public Suite withConcurrency(int n) {
        return new Suite(name, description, source, messages, cases, dataset, repeat, n, targets, checks, confidenceExtract, judges, pairwise, confidentWrongAt, load, properties, online, budget);
    }

    public Suite withLoad(dev.fieldtest.core.config.ConfigNode section) {
        return new Suite(name, description, source, messages, cases, dataset, repeat, concurrency, targets, checks, confidenceExtract, judges, pairwise, confidentWrongAt, section, properties, online, budget);
    }

    /** The base folder relative paths in the suite resolve against. */
    public Path baseDir() {
        Path file = source == null ? null : source.file();
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
