package dev.fieldtest.junit;

import dev.fieldtest.api.Fieldtest;
import dev.fieldtest.api.RunResult;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link RunResult} parameters by running the {@link FieldtestSuite} of the test method, else of its
 * class. A class's suite runs once, however many methods read it; a method's suite runs for that method.
 */
public final class FieldtestExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FieldtestExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var onMethod = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, FieldtestSuite.class));
        ExtensionContext owner = onMethod.isPresent() ? context : classContext(context);
        FieldtestSuite suite = onMethod.or(() -> owner.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, FieldtestSuite.class)))
                .orElseThrow(() -> new ParameterResolutionException("a RunResult parameter needs @FieldtestSuite(\"path/to/suite.yaml\") on the test method or class"));
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(suite.value() + "|" + suite.outDir(), k -> run(suite, context), RunResult.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) c = c.getParent().get();
        return c;
    }

    private static RunResult run(FieldtestSuite annotation, ExtensionContext context) {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Path file = SuiteLocation.resolve(annotation.value(), loader);
        try {
            var suite = Fieldtest.load(file);
            // A fresh folder per run: a run directory is never overwritten.
            Path out = Path.of(annotation.outDir()).resolve(suite.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + System.currentTimeMillis()
                    + "-" + Long.toHexString(System.nanoTime() & 0xffff));
            return Fieldtest.run(suite, out, environment());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@FieldtestSuite(\"" + annotation.value() + "\"): " + e.getMessage(), e);
        }
    }

    /** The process environment with the JVM's system properties over it (so a build can set {@code ${NAME}} values). */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        System.getProperties().stringPropertyNames().forEach(n -> env.put(n, System.getProperty(n)));
        return env;
    }
}
