package dev.fieldtest.llama.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How to start a child JVM: the running JVM's own java binary and class path, a small heap, and a private folder
 * for the native library. Immutable.
 *
 * @param mainClass  the child's main class ({@link ChildMain} for models; tests use stand-ins)
 * @param args       its program arguments
 */
public record ChildCommand(String java, List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
    /** The model needs native memory, not heap: the child's Java heap holds a few strings per token. */
    static final String HEAP = "-Xmx64m";
    /** Classes the child loads, whose jars must be on its class path even when the parent's launcher hid them. */
    private static final List<String> NEEDED = List.of("dev.fieldtest.llama.internal.ChildMain", "de.kherud.llama.LlamaModel",
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
            "com.fasterxml.jackson.annotation.JsonInclude");

    public ChildCommand {
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
    }

    /** A child serving {@code model} with llama.cpp's n_ctx {@code context} and {@code threads} CPU threads. */
    public static ChildCommand forModel(Path model, int context, int threads) {
        return of(ChildMain.class.getName(), List.of(model.toString(), String.valueOf(context), String.valueOf(threads)));
    }

    /** A child JVM running {@code mainClass} with this JVM's binary and class path. */
    public static ChildCommand of(String mainClass, List<String> args) {
        // Accepted since Java 17 (checked with 17.0.15 and 25); from 24 on, llama's System.load warns without it.
        List<String> options = List.of(HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");
        return new ChildCommand(currentJava(), options, currentClassPath(), mainClass, args);
    }

    /** The command line; {@code tmp} is the child's private folder for the native library. */
    public List<String> toList(Path tmp) {
        List<String> out = new ArrayList<>();
        out.add(java);
        out.addAll(jvmOptions);
        out.add("-Dde.kherud.llama.tmpdir=" + tmp); // not the shared /tmp, where concurrent JVMs would overwrite each other's copy
        out.add("-cp");
        out.add(classPath);
        out.add(mainClass);
        out.addAll(args);
        return out;
    }

    /** The java binary running this JVM, so the child runs the same Java with the same flags accepted. */
    static String currentJava() {
        String own = ProcessHandle.current().info().command().orElse("");
        String name = Path.of(own.isEmpty() ? "none" : own).getFileName().toString();
        if (name.equals("java") || name.equals("java.exe")) return own;
        // launched from an embedding binary (an IDE, a native launcher): the runtime's own java is the same Java
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path, plus the jars of the classes the child needs should a launcher have left them out. */
    static String currentClassPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)));
        entries.remove("");
        for (String name : NEEDED) {
            try {
                // initialize=false: LlamaModel's static block would load the native library into this JVM
                CodeSource source = Class.forName(name, false, ChildCommand.class.getClassLoader()).getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
                // leave it to the class path; the child reports a missing class on its stderr
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
