package io.brainstem.adapters.persistence.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the PostgreSQL database is: {@code BRAINSTEM_DATABASE_URL} in the libpq form operators know
 * ({@code postgresql://user:pass@host:5432/db}, also {@code postgres://}) or as a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=…}). The password may come from {@code BRAINSTEM_DATABASE_PASSWORD}
 * instead, and is never part of {@link #describe()}.
 *
 * @param jdbcUrl  the JDBC URL without user and password
 * @param schema   a schema of its own inside the database (tests give each store one); empty: the default
 */
public record PostgresAddress(String jdbcUrl, Optional<String> user, Optional<String> password,
        Optional<String> schema, int poolSize, String describe) {

    /** Connections per node: the writer, the pipelined reads of ingest and a few HTTP readers. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public PostgresAddress {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    /**
     * The same database, in a schema of its own: {@code currentSchema} is a connection parameter, so it holds for
     * the session whatever a transaction rolls back.
     */
    public PostgresAddress withSchema(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a schema name is lower-case letters, digits and _: " + name);
        }
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new PostgresAddress(url, user, password, Optional.of(name), poolSize,
                describe + " (schema " + name + ")");
    }

    /**
     * Reads a database URL; {@code passwordOverride} (from {@code BRAINSTEM_DATABASE_PASSWORD}) wins over one in the
     * URL. A URL that is neither form is an {@link IllegalArgumentException} naming the variable.
     */
    public static PostgresAddress parse(String url, Optional<String> passwordOverride) {
        String text = url.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            return fromJdbc(text, passwordOverride);
        }
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw invalid("must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw invalid("names no host");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon))).filter(s -> !s.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres"
                : decode(uri.getRawPath().substring(1));
        String host = uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String described = "postgresql://" + (user.isPresent() ? user.get() + "@" : "") + host + ":" + port + "/"
                + database;
        return new PostgresAddress(jdbc, user, passwordOverride.isPresent() ? passwordOverride : password,
                Optional.empty(), DEFAULT_POOL_SIZE, described);
    }

    private static PostgresAddress fromJdbc(String text, Optional<String> passwordOverride) {
        int query = text.indexOf('?');
        String base = query < 0 ? text : text.substring(0, query);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        StringBuilder kept = new StringBuilder();
        if (query >= 0) {
            for (String pair : text.substring(query + 1).split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String value = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
                switch (key) {
                    case "user" -> user = Optional.of(value);
                    case "password" -> password = Optional.of(value);
                    default -> kept.append(kept.isEmpty() ? "?" : "&").append(pair);
                }
            }
        }
        String described = base.substring("jdbc:".length()) + (user.isPresent() ? " as " + user.get() : "");
        return new PostgresAddress(base + kept, user, passwordOverride.isPresent() ? passwordOverride : password,
                Optional.empty(), DEFAULT_POOL_SIZE, described);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("BRAINSTEM_DATABASE_URL " + why);
    }
}
