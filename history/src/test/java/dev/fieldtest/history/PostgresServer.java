package dev.fieldtest.history;

// One throwaway PostgreSQL server per test JVM, from Debian's postgresql package (build-support/postgres.sh
// installs it): initdb into /tmp/fieldtest-pg-*, listening on 127.0.0.1 and a random free port only, with
// fsync off, stopped (pg_ctl stop -m immediate) and deleted by a shutdown hook. PostgreSQL refuses root, so
// as root the directory belongs to the `postgres` OS user and initdb/pg_ctl run through runuser.

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, shared by the whole test JVM: {@link #newDatabaseUrl()} gives each test
 * its own fresh, empty database as {@code postgresql://fieldtest@127.0.0.1:<port>/<db>} (no password in it);
 * user {@code fieldtest} authenticates over TCP with SCRAM and {@link #password()}.
 */
public final class PostgresServer {
    public static final String USER = "fieldtest";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final String INSTALL = "install Debian's postgresql package: apt-get install postgresql"
            + " (./run-tests does this when run as root)";
    private static PostgresServer shared;
    private static IllegalStateException failure;

    private final Path dir;
    private final Path bin;
    private final boolean asPostgresUser;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();
    private int port;

    private PostgresServer(Path dir, Path bin, boolean asPostgresUser, String password) {
        this.dir = dir;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.password = password;
    }

    /** The server of this JVM, started (initdb and pg_ctl start) on first use; a failed start fails every later call too. */
    public static synchronized PostgresServer shared() {
        if (failure != null) throw new IllegalStateException(failure.getMessage(), failure);
        if (shared == null) {
            try {
                shared = start();
            } catch (IllegalStateException e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Creates a fresh, empty database and returns its URL, e.g. {@code postgresql://fieldtest@127.0.0.1:5433/t_1_3fa9c2}. */
    public String newDatabaseUrl() {
        String db = "t_" + databases.incrementAndGet() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        try (Connection c = jdbc("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test server on port " + port + ": CREATE DATABASE " + db
                    + " failed: " + e.getMessage() + "\n" + logTail(), e);
        }
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + db;
    }

    /** The password of user {@value #USER}, random for each server start. */
    public String password() {
        return password;
    }

    /** The TCP port the server listens on, on 127.0.0.1 only. */
    public int port() {
        return port;
    }

    /** A plain pgjdbc connection to a database that {@link #newDatabaseUrl()} returned, as user {@value #USER}. */
    public Connection connect(String databaseUrl) throws SQLException {
        URI uri = URI.create(databaseUrl);
        if (!"postgresql".equals(uri.getScheme()) || uri.getPort() != port || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("not a database URL of this test server (postgresql://" + USER
                    + "@127.0.0.1:" + port + "/<db>): " + databaseUrl);
        }
        return jdbc(uri.getPath().substring(1));
    }

    private Connection jdbc(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, p);
    }

    private static PostgresServer start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        PostgresServer server;
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "fieldtest-pg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            server = new PostgresServer(dir, bin, root, HexFormat.of().formatHex(secret));
            Files.createDirectory(dir.resolve("sockets"));
            Files.writeString(dir.resolve("pwfile"), server.password + "\n");
            if (root) server.giveToPostgresUser(dir, dir.resolve("sockets"), dir.resolve("pwfile"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test server: could not prepare a directory under /tmp: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
        String locale = Files.isDirectory(Path.of("/usr/lib/locale/C.utf8")) ? "C.UTF-8" : "C";
        server.run("initdb", List.of("-D", server.dir.resolve("data").toString(), "-U", USER, "--auth-local=trust",
                "--auth-host=scram-sha-256", "--pwfile=" + server.dir.resolve("pwfile"), "-E", "UTF8", "--locale=" + locale, "--no-sync"));
        server.delete(server.dir.resolve("pwfile")); // the password stays on disk only while initdb reads it
        server.listen();
        return server;
    }

    // Picks a free port and starts; another process may take the port between the pick and the bind, so retry.
    // The data is thrown away, so no fsync: starting and writing take milliseconds, not disk flushes.
    private void listen() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            Result r = exec("pg_ctl", List.of("-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-h 127.0.0.1 -p " + port + " -k " + dir.resolve("sockets") + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start"));
            if (r.exit == 0) return;
            if (attempt < 5 && logTail().contains("could not bind")) continue;
            throw failed("pg_ctl start (port " + port + ")", r);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test server: no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private void stop() {
        exec("pg_ctl", List.of("-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
        delete(dir);
    }

    // Newest version wins: /usr/lib/postgresql/15/bin over /usr/lib/postgresql/13/bin.
    private static Path binaries() {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_ROOT)) {
            try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
                versions.map(v -> v.resolve("bin"))
                        .filter(b -> Stream.of("initdb", "pg_ctl", "postgres").allMatch(x -> Files.isExecutable(b.resolve(x))))
                        .forEach(found::add);
            } catch (IOException e) {
                throw new IllegalStateException("PostgreSQL test server: cannot list " + DEBIAN_ROOT + ": " + e.getMessage() + ". Fix: " + INSTALL, e);
            }
        }
        return found.stream().max(Comparator.comparingDouble(PostgresServer::version)).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL test server: no PostgreSQL server binaries (initdb, pg_ctl, postgres) under " + DEBIAN_ROOT + "/*/bin. Fix: " + INSTALL));
    }

    private static double version(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void giveToPostgresUser(Path... paths) throws IOException {
        UserPrincipal postgres;
        try {
            postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test server: running as root, which PostgreSQL refuses, and there is no"
                    + " 'postgres' OS user to run it as. Fix: " + INSTALL + ", which creates that user, or run the tests as another user", e);
        }
        Files.setOwner(dir, postgres);
        for (Path p : paths) Files.setOwner(p, postgres);
    }

    private record Result(int exit, String output) {}

    private void run(String tool, List<String> args) {
        Result r = exec(tool, args);
        if (r.exit != 0) throw failed(tool, r);
    }

    // Output goes to a file, not a pipe: pg_ctl's server outlives it and must not hold our end open.
    private Result exec(String tool, List<String> args) {
        List<String> command = new ArrayList<>(asPostgresUser ? List.of("runuser", "-u", "postgres", "--") : List.of());
        command.add(bin.resolve(tool).toString());
        command.addAll(args);
        Path out = dir.resolve(tool + ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after 90 s\n" + read(out));
            }
            return new Result(p.exitValue(), read(out));
        } catch (IOException e) {
            return new Result(-1, "could not run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private IllegalStateException failed(String what, Result r) {
        return new IllegalStateException("PostgreSQL test server: " + what + " failed (exit " + r.exit + ") with " + bin
                + (asPostgresUser ? " as OS user postgres" : "") + " in " + dir + ":\n" + tail(r.output) + "\n" + logTail()
                + "\nFix: the lines above say why; the server binaries come from Debian's postgresql package (apt-get install postgresql).");
    }

    private String logTail() {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "server log (" + log + "), last lines:\n" + tail(read(log)) : "";
    }

    private String tail(String text) {
        List<String> lines = text.lines().toList();
        String last = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        return last.replace(password, "********");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    private void delete(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at shutdown: a leftover directory under /tmp is harmless.
        }
    }
}
