package io.brainstem.adapters.http;

import io.brainstem.application.port.in.RuntimeQueries;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.0 request, answered and then closed (ADR 38). Load balancers check health over HTTP/1.0 (HAProxy's
 * {@code option httpchk} does), and Helidon 4 speaks HTTP/1.1 only: {@code GET} and {@code HEAD} of {@code /healthz}
 * and {@code /status} get the same status and payload as over HTTP/1.1; anything else is a JSON {@code 505}.
 */
final class Http10Exchange {

    private final RuntimeQueries runtime;
    private final int maxLine;
    private final int maxHeaders;

    Http10Exchange(RuntimeQueries runtime, int maxLine, int maxHeaders) {
        this.runtime = runtime;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    /** Reads the request line and headers (a request body is not read: the connection closes after the answer). */
    void answer(ConnectionContext ctx) {
        DataReader reader = ctx.dataReader();
        String requestLine = line(reader, maxLine);
        if (requestLine == null) {
            write(ctx, errorResponse("HTTP/1.0", 400, "Bad Request", "bad_request", "the request line is too long"));
            return;
        }
        int headerBytes = 0;
        while (true) {
            String header = line(reader, maxHeaders - headerBytes);
            if (header == null) {
                write(ctx, errorResponse("HTTP/1.0", 431, "Request Header Fields Too Large", "headers_too_large",
                        "the request headers are longer than " + maxHeaders + " bytes"));
                return;
            }
            if (header.isEmpty()) {
                break;
            }
            headerBytes += header.length() + 2;
        }
        String[] parts = requestLine.split(" ");
        String method = parts.length == 3 ? parts[0] : "";
        String path = parts.length == 3 ? parts[1].split("\\?", 2)[0] : "";
        boolean health = path.equals("/healthz") || path.equals("/status");
        if (health && (method.equals("GET") || method.equals("HEAD"))) {
            RuntimeHttpService.Health answer = RuntimeHttpService.health(runtime.snapshot());
            byte[] body = JsonCodec.write(answer.body());
            write(ctx, response("HTTP/1.0", answer.status().code(), answer.status().reasonPhrase(), body,
                    method.equals("GET")));
            return;
        }
        write(ctx, errorResponse("HTTP/1.0", 505, "HTTP Version Not Supported", "http_version_not_supported",
                "brainstem answers HTTP/1.0 only for GET and HEAD of /healthz and /status (health checks); send "
                        + "other requests as HTTP/1.1"));
    }

    /** The next line without its CRLF, or null when it is longer than {@code max} bytes or malformed. */
    private static String line(DataReader reader, int max) {
        if (max <= 0) {
            return null;
        }
        int eol;
        try {
            eol = reader.findNewLine(max);
        } catch (DataReader.IncorrectNewLineException e) {
            return null;
        }
        if (eol >= max) {
            return null;
        }
        String line = reader.readAsciiString(eol);
        reader.skip(2);
        return line;
    }

    private static void write(ConnectionContext ctx, byte[] response) {
        ctx.dataWriter().writeNow(BufferData.create(response));
    }

    /** A JSON error answer in brainstem's shape, ending the connection. */
    static byte[] errorResponse(String version, int code, String reason, String errorCode, String message) {
        return response(version, code, reason, JsonCodec.write(Responses.errorBody(errorCode, message)), true);
    }

    private static byte[] response(String version, int code, String reason, byte[] body, boolean withBody) {
        String head = version + " " + code + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (withBody) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
