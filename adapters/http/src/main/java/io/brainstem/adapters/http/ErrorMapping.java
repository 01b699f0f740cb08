package io.brainstem.adapters.http;

import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.in.UnknownSubjectException;
import io.brainstem.application.port.out.PortalException;
import io.brainstem.application.port.out.StorageException;
import io.brainstem.domain.shared.DomainViolation;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The one place where errors become status codes. Everything a client did wrong is a 4xx with the JSON
 * error body; storage trouble is a 503, a LogicMonitor portal that is not configured too, one that refuses or fails a
 * 502; anything else a 500 with a generic message (details only in the
 * log, never a stack trace in the response).
 */
final class ErrorMapping {

    private static final Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    /** @param maxDrainBytes how much of a refused body is read and dropped before the connection closes */
    static void register(HttpRouting.Builder routing, long maxDrainBytes) {
        routing.error(ApiException.class, (req, res, e) -> {
                    if (e.retryAfterSeconds() > 0) {
                        res.header(HeaderNames.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
                    }
                    if (e.drains()) {
                        res.header(HeaderValues.CONNECTION_CLOSE);
                    }
                    Responses.error(res, e.status(), e.code(), e.getMessage());
                    if (e.drains()) {
                        BodyBudget.drainRest(req, maxDrainBytes);
                    }
                })
                .error(io.brainstem.application.port.in.IngestEventsUseCase.IdempotencyConflictException.class,
                        (req, res, e) -> Responses.error(res, Status.UNPROCESSABLE_CONTENT_422, e.code(),
                                e.getMessage()))
                .error(InvalidRequestException.class,
                        (req, res, e) -> Responses.error(res, Status.BAD_REQUEST_400, e.code(), e.getMessage()))
                .error(DomainViolation.class,
                        (req, res, e) -> Responses.error(res, Status.BAD_REQUEST_400, "invalid_value", e.getMessage()))
                .error(UnknownSubjectException.class,
                        (req, res, e) -> Responses.error(res, Status.NOT_FOUND_404, "not_found", e.getMessage()))
                .error(NotFoundException.class,
                        (req, res, e) -> Responses.error(res, Status.NOT_FOUND_404, "not_found", "no such resource"))
                .error(BadRequestException.class,
                        (req, res, e) -> Responses.error(res, Status.BAD_REQUEST_400, "bad_request", e.getMessage()))
                .error(HttpException.class, (req, res, e) -> {
                    Status status = e.status();
                    String code = status.code() < 500 ? "http_" + status.code() : "internal_error";
                    Responses.error(res, status, code, status.code() < 500 ? e.getMessage() : "internal error");
                })
                .error(PortalException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "LogicMonitor portal on " + req.path().path() + ": " + e.getMessage());
                    Responses.error(res, e.reason() == PortalException.Reason.NOT_CONFIGURED
                            ? Status.SERVICE_UNAVAILABLE_503 : Status.BAD_GATEWAY_502,
                            "logicmonitor_" + e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
                })
                .error(StorageException.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "storage failure on " + req.path().path(), e);
                    Responses.error(res, Status.SERVICE_UNAVAILABLE_503, "storage_unavailable",
                            "storage failed; nothing from this request was acknowledged, retry later");
                })
                .error(Throwable.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "unexpected failure on " + req.path().path(), e);
                    Responses.error(res, Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                            "internal error; nothing from this request was acknowledged");
                });
    }
}
