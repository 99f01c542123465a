package dev.fieldtest.history.internal;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a PostgreSQL {@code --history} location: libpq's URI ({@code postgresql://} or {@code postgres://}, user and
 * password in the authority) or pgjdbc's ({@code jdbc:postgresql://}, user and password as query parameters). The
 * credentials are taken out of the URL, so the JDBC URL and the display text never carry a password.
 */
public final class PostgresLocation {
    private static final List<String> SCHEMES = List.of("postgresql://", "postgres://", "jdbc:postgresql://");
    private static final String FORM = "write postgresql://USER@HOST:PORT/DATABASE (password in " + HistoryStore.PASSWORD_ENV + ")";

    private PostgresLocation() {}

    public static boolean isPostgres(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return SCHEMES.stream().anyMatch(lower::startsWith);
    }

    public static HistoryStore.Postgres parse(String location, Map<String, String> env) {
        String text = location.regionMatches(true, 0, "jdbc:", 0, 5) ? location.substring(5) : location;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new HistoryException(redact(location) + ": not a PostgreSQL location (" + e.getReason() + "); " + FORM); // not e: its message holds the password
        }
        String host = uri.getHost();
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (host == null || host.isEmpty()) throw new HistoryException(redact(location) + ": the PostgreSQL location has no host; " + FORM);
        if (database.isEmpty()) throw new HistoryException(redact(location) + ": the PostgreSQL location has no database name; " + FORM);

        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length == 2) password = decode(parts[1]);
        }
        List<String> params = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String key = decode(kv[0]);
                String value = kv.length == 2 ? decode(kv[1]) : "";
                if (key.equalsIgnoreCase("user")) user = value;
                else if (key.equalsIgnoreCase("password")) password = value;
                else if (!key.isEmpty()) params.add(pair);
            }
        }
        if (password == null) password = env.getOrDefault(HistoryStore.PASSWORD_ENV, env.get("PGPASSWORD"));

        String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String query = params.isEmpty() ? "" : "?" + String.join("&", params);
        String jdbc = "jdbc:postgresql://" + hostPort + "/" + database + query;
        String display = "postgresql://" + (user == null ? "" : user + "@") + hostPort + "/" + database + query;
        return new HistoryStore.Postgres(jdbc, user, password, display);
    }

    /** The location with any password replaced by ***, for error messages about a location that did not parse. */
    static String redact(String location) {
        return location.replaceAll("(?<=://)([^:/@]*):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); // a + in a password stays a +
    }
}
