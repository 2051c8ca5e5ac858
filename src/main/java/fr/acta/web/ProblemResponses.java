package fr.acta.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.acta.common.ConflictException;
import fr.acta.common.FieldViolation;
import fr.acta.common.NotFoundException;
import fr.acta.common.UnavailableException;
import fr.acta.common.ValidationException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the API as RFC 9457 problem+json, with a French detail and the faulty fields. Ordered
 * before Spring Boot's own problem-details handler, which would otherwise answer the Spring MVC
 * exceptions (missing part, type mismatch…) in English and without the faulty fields.
 */
@RestControllerAdvice(basePackages = "fr.acta")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final int maxPartCount;

    ProblemResponses(@Value("${server.tomcat.max-part-count:50}") int maxPartCount) {
        this.maxPartCount = maxPartCount;
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e) {
        return problem(HttpStatus.valueOf(e.status()), e.getMessage(), e.violations());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("Refused for an unavailable dependency: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage() == null ? "Accès refusé." : e.getMessage(), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "La requête dépasse la taille maximale acceptée.",
                List.of(new FieldViolation("annexes", "Fichiers trop volumineux.")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "La partie « " + e.getRequestPartName() + " » est obligatoire.",
                List.of(new FieldViolation(e.getRequestPartName(), "Obligatoire.")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Le paramètre « " + e.getParameterName() + " » est obligatoire.",
                List.of(new FieldViolation(e.getParameterName(), "Obligatoire.")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (NestedExceptionUtils.getRootCause(e) instanceof FileCountLimitExceededException) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "La requête compte trop de parties.", List.of(
                    new FieldViolation("annexes", "Au plus " + maxPartCount
                            + " parties par requête (métadonnées, document principal et annexes).")));
        }
        return problem(HttpStatus.BAD_REQUEST, "La requête multipart est mal formée.", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "Valeur invalide.";
        return problem(HttpStatus.BAD_REQUEST, "Le paramètre « " + e.getName() + " » est invalide.",
                List.of(new FieldViolation(e.getName(), message)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = mismatch instanceof InvalidFormatException ? "Valeur au format invalide."
                    : "Valeur invalide.";
            return problem(HttpStatus.BAD_REQUEST, "Le contenu JSON est invalide.",
                    List.of(new FieldViolation(field, message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "Le contenu de la requête est illisible ou n'est pas du JSON valide.",
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non autorisée sur cette ressource.", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Ressource introuvable.", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            // another request error of Spring MVC (not acceptable, missing header…): its own status
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(status, title(status) + ".", List.of());
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Une erreur interne est survenue ; elle a été journalisée.", List.of());
    }

    static String title(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode non autorisée";
            case 406 -> "Format de réponse non disponible";
            case 409 -> "Conflit";
            case 413 -> "Contenu trop volumineux";
            case 415 -> "Type de contenu non pris en charge";
            case 422 -> "Contenu refusé";
            case 503 -> "Service indisponible";
            default -> "Erreur";
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
