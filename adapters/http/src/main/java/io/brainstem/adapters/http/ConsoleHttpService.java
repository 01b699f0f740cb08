package io.brainstem.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operator console: static files packaged in this jar, served at {@code /} and {@code /console/...}
 * (ADR 22). They load without the API token, so the page can ask for it; every API call it makes needs it.
 * Only names of letters, digits, {@code -}, {@code _} and dots that do not begin with a dot are looked up, so
 * nothing outside the console folder can be reached; anything else is the API's 404.
 */
public final class ConsoleHttpService implements HttpService {

    static final String ROOT = "/io/brainstem/adapters/http/console/";
    /** The chart library, from its WebJar: served under a versioned path, so it may be cached for good. */
    static final String UPLOT_WEBJAR = "/META-INF/resources/webjars/uplot/";
    private static final Pattern SAFE_PATH = Pattern.compile(
            "([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.[a-z0-9]+");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");
    /** Scripts and styles from this origin only; no inline script; API calls to this origin only. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final String uplotVersion;
    /** Files found, by path; misses are not kept, so unknown names cannot grow it. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    public ConsoleHttpService() {
        this.uplotVersion = webJarVersion("org.webjars.npm", "uplot");
    }

    /** True for the paths this service answers, which the auth filter lets through without a token. */
    static boolean isConsolePath(String path) {
        return path.equals("/") || path.equals("/console") || path.startsWith("/console/");
    }

    @Override
    public void routing(HttpRules rules) {
        for (Method method : List.of(Method.GET, Method.HEAD)) {
            rules.route(method, "/", (req, res) -> send(req, res, "index.html"))
                    .route(method, "/console", (req, res) -> redirect(res))
                    .route(method, "/console/", (req, res) -> send(req, res, "index.html"))
                    .route(method, "/console/{+path}",
                            (req, res) -> send(req, res, req.path().pathParameters().get("path")));
        }
    }

    private static void redirect(ServerResponse res) {
        res.status(Status.MOVED_PERMANENTLY_301);
        res.header(HeaderNames.LOCATION, "/console/");
        res.send();
    }

    private void send(ServerRequest req, ServerResponse res, String path) {
        Optional<Asset> asset = SAFE_PATH.matcher(path).matches() ? find(path) : Optional.empty();
        if (asset.isEmpty()) {
            Responses.error(res, Status.NOT_FOUND_404, "not_found", "no console file " + RequestSupport.abbreviate(path));
            return;
        }
        Asset a = asset.get();
        res.header(HeaderNames.CONTENT_TYPE, a.contentType());
        res.header(HeaderNames.CACHE_CONTROL, a.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        res.header(HeaderNames.ETAG, a.etag());
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.header(HeaderNames.create("Content-Security-Policy"), CSP);
        boolean fresh = req.headers().first(HeaderNames.IF_NONE_MATCH).map(v -> v.contains(a.etag())).orElse(false);
        if (fresh) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return;
        }
        res.send(a.bytes());
    }

    private Optional<Asset> find(String path) {
        Asset known = cache.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Asset> loaded = load(path);
        loaded.ifPresent(a -> cache.put(path, a));
        return loaded;
    }

    /** {@code vendor/uplot-<version>/<file>} is the WebJar's {@code dist/<file>}; everything else is under {@link #ROOT}. */
    private Optional<Asset> load(String path) {
        String vendorPrefix = "vendor/uplot-" + uplotVersion + "/";
        boolean vendor = path.startsWith(vendorPrefix);
        String resource = vendor ? UPLOT_WEBJAR + uplotVersion + "/dist/" + path.substring(vendorPrefix.length())
                : ROOT + path;
        String type = CONTENT_TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleHttpService.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            if (path.equals("index.html")) {
                bytes = new String(bytes, StandardCharsets.UTF_8)
                        .replace("{{uplot}}", "vendor/uplot-" + uplotVersion)
                        .getBytes(StandardCharsets.UTF_8);
            }
            return Optional.of(new Asset(bytes, type, etag(bytes), vendor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of a WebJar on the class path, from the {@code pom.properties} Maven packs into it. */
    static String webJarVersion(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ConsoleHttpService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + groupId + ":" + artifactId + " is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Asset(byte[] bytes, String contentType, String etag, boolean immutable) {
    }
}
