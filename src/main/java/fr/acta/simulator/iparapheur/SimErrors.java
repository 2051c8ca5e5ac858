package fr.acta.simulator.iparapheur;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the simulator in the shapes of the real servers: Keycloak's {@code {error,
 * error_description}} on the token endpoint, the API's {@code ErrorResponse} elsewhere. Takes
 * precedence over Acta's problem+json for the simulator's controllers only.
 */
@RestControllerAdvice(assignableTypes = {SimKeycloakController.class, SimFolderController.class,
        SimAdminController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
@SimulatorEnabled
class SimErrors {

    private static final Logger log = LoggerFactory.getLogger(SimErrors.class);

    @ExceptionHandler(SimTokens.GrantError.class)
    ResponseEntity<Map<String, Object>> grant(SimTokens.GrantError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error);
        if (e.description != null) {
            body.put("error_description", e.description);
        }
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(SimException.class)
    ResponseEntity<Map<String, Object>> api(SimException e, HttpServletRequest request) {
        return error(e.status, e.getMessage(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return error(405, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        if (request.getRequestURI().contains("/protocol/openid-connect/")) {
            return grant(new SimTokens.GrantError(400, "invalid_request", "Content-Type must be form-urlencoded"));
        }
        return error(415, e.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse spring) {
            return error(spring.getStatusCode().value(), e.getMessage(), request);
        }
        if (e instanceof org.springframework.web.multipart.MultipartException
                || e instanceof org.springframework.beans.TypeMismatchException
                || e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            return error(400, e.getMessage(), request);
        }
        log.error("i-Parapheur simulator failure on {}", request.getRequestURI(), e);
        return error(500, "Erreur interne du simulateur.", request);
    }

    /** The API's {@code ErrorResponse}: timestamp, status, error, message, path. */
    static ResponseEntity<Map<String, Object>> error(int status, String message, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
        body.put("status", status);
        HttpStatus known = HttpStatus.resolve(status);
        body.put("error", known == null ? "Error" : known.getReasonPhrase());
        body.put("message", message);
        body.put("path", request.getRequestURI());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
