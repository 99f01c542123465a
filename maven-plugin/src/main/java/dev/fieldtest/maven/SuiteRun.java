package dev.fieldtest.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One suite run through the CLI's in-process entry ({@code Main.execute}): exit code plus what it wrote to stderr,
 * which carries the file:line:column problems (exit 2) and the failing properties (exit 1).
 */
record SuiteRun(SuiteFiles.Suite suite, Path runDir, int exitCode, String stderr) {
    static final int OK = 0;
    static final int PROPERTY_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int ABORTED = 3;

    // The CLI writes to System.err; parallel builds (-T) must not swap it under each other.
    private static final Object STDERR = new Object();

    static SuiteRun execute(SuiteFiles.Suite suite, Path runDir, List<String> args) {
        synchronized (STDERR) {
            PrintStream original = System.err;
            var copy = new ByteArrayOutputStream();
            var tee = new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8);
            System.setErr(tee);
            int code;
            try {
                code = dev.fieldtest.cli.Main.execute(args.toArray(String[]::new));
            } finally {
                tee.flush();
                System.setErr(original);
            }
            return new SuiteRun(suite, runDir, code, copy.toString(StandardCharsets.UTF_8));
        }
    }

    /** The lines naming failing or missing properties, e.g. "property fail: NAME on TARGET: 0.33 is below min 0.8". */
    List<String> propertyLines() {
        return stderr.lines().filter(l -> l.startsWith("fieldtest: property ")).map(l -> l.substring("fieldtest: ".length())).toList();
    }

    /** Writes to the console as before and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
        }
    }
}
