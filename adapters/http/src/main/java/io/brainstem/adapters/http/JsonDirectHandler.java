package io.brainstem.adapters.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors the server answers before a request reaches the routing (a request line or header it cannot parse, a URI
 * or headers over the limits, a body over the payload limit, an HTTP version other than 1.1) in the same JSON error
 * shape as every other error, instead of an empty body.
 */
public final class JsonDirectHandler implements DirectHandler {

    private static final int MAX_MESSAGE = 200;

    /** This handler for every kind of transport error. */
    public static DirectHandlers all() {
        JsonDirectHandler handler = new JsonDirectHandler();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status given,
            ServerResponseHeaders headers, String message) {
        // before the routing, only reading the request happens: what fails there is what the client sent (a control
        // character in the method makes Helidon report an internal error), so it is a 400, never a 500
        Status status = given.code() >= 500 && given.code() != 505 ? Status.BAD_REQUEST_400 : given;
        if (status != given) {
            message = "the request could not be read";
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code(status));
        error.put("message", message(status, message));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", error);
        headers.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive() && status == given)
                .entity(JsonCodec.write(body))
                .build();
    }

    static String code(Status status) {
        return switch (status.code()) {
            case 400 -> "bad_request";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            case 505 -> "http_version_not_supported";
            default -> "bad_request";
        };
    }

    /** The server's message, which may quote what the client sent: shortened, without control characters. */
    private static String message(Status status, String message) {
        if (status.code() == 505) {
            return "brainstem speaks HTTP/1.1 only; send the request as HTTP/1.1";
        }
        String text = message == null || message.isBlank() ? status.reasonPhrase() : message;
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_MESSAGE));
        text.codePoints().limit(MAX_MESSAGE).forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return clean.toString();
    }
}
