package fr.acta.simulator.vitam;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the simulator in Vitam's shape, {@code VitamError}: {@code httpCode}, {@code code},
 * {@code context}, {@code state}, {@code message}, {@code description} (in French). Takes
 * precedence over Acta's problem+json for the simulator's controllers only.
 */
@RestControllerAdvice(assignableTypes = {VitamIngestController.class, VitamOperationController.class,
        VitamAccessController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
@VitamSimEnabled
class VitamSimErrors {

    private static final Logger log = LoggerFactory.getLogger(VitamSimErrors.class);

    @ExceptionHandler(VitamSimException.class)
    ResponseEntity<Map<String, Object>> vitam(VitamSimException e) {
        return error(e.status, e.context, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse spring) {
            return error(spring.getStatusCode().value(), "VITAM_SIMULATOR", e.getMessage());
        }
        if (e instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
            return error(400, "VITAM_SIMULATOR", "Requête illisible : " + e.getMessage());
        }
        log.error("Vitam simulator failure", e);
        return error(500, "VITAM_SIMULATOR", "Erreur interne du simulateur Vitam.");
    }

    static ResponseEntity<Map<String, Object>> error(int status, String context, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, context,
                description));
    }

    static Map<String, Object> body(int status, String context, String description) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("httpCode", status);
        body.put("code", String.valueOf(status));
        body.put("context", context);
        body.put("state", known == null ? "ERROR" : known.name());
        body.put("message", known == null ? "Error" : known.getReasonPhrase());
        body.put("description", description);
        return body;
    }

    /** Writes a {@code VitamError} straight to the response (interceptors, before any controller). */
    static void write(HttpServletResponse response, int status, String context, String description)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(response.getOutputStream(),
                body(status, context, description));
    }
}
