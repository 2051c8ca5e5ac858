package fr.acta.simulator.prefecture;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The administrator API's refusals as problem+json, in the shape of Acta's own (detail and errors). */
@RestControllerAdvice(assignableTypes = SandboxAdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@SandboxEnabled
class SandboxAdminErrors {

    @ExceptionHandler(AdminException.class)
    ResponseEntity<ProblemDetail> refused(AdminException e) {
        HttpStatus status = HttpStatus.valueOf(e.status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.status) {
            case 400 -> "Requête invalide";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 409 -> "Conflit";
            default -> "Contenu refusé";
        });
        problem.setProperty("errors", e.field == null ? List.of()
                : List.of(Map.of("field", e.field, "message", e.getMessage())));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
