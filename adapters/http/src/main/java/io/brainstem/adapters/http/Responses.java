package io.brainstem.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON bodies, and the one error shape {@code {"ok": false, "error": {"code", "message"}}}. */
final class Responses {

    private static final String JSON = "application/json";

    private Responses() {
    }

    static void json(ServerResponse res, Object body) {
        json(res, Status.OK_200, body);
    }

    static void json(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(JsonCodec.write(body));
    }

    static void error(ServerResponse res, Status status, String code, String message) {
        json(res, status, errorBody(code, message));
    }

    /** {@code {"ok": false, "error": {"code", "message"}}}. */
    static Map<String, Object> errorBody(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error", error);
        return body;
    }
}
