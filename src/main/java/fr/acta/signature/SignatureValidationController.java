package fr.acta.signature;

import fr.acta.common.ValidationException;
import fr.acta.tenant.TenantAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tenants/{tenant}/signature-validations")
@Tag(name = "Signatures", description = "Validation de PDF signés (PAdES) avec DSS")
class SignatureValidationController {

    private static final long MAX_SIZE = 150L * 1024 * 1024;

    private final TenantAccess access;
    private final SignatureValidator validator;

    SignatureValidationController(TenantAccess access, SignatureValidator validator) {
        this.access = access;
        this.validator = validator;
    }

    /** The verdict on each signature, and DSS's ETSI validation report. */
    record Result(boolean valid, List<SignatureCheck> signatures, String etsiReport) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Valider un PDF signé (par exemple un contrat signé par l'autre partie)")
    Result validate(@PathVariable String tenant, @RequestPart("file") MultipartFile file) throws IOException {
        access.require(tenant);
        if (file.isEmpty() || file.getSize() > MAX_SIZE) {
            throw ValidationException.of("file", "Fichier vide ou trop volumineux.");
        }
        byte[] pdf = file.getBytes();
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw ValidationException.of("file", "Le fichier n'est pas un PDF.");
        }
        ValidationOutcome outcome;
        try {
            outcome = validator.validate(pdf);
        } catch (RuntimeException e) {
            throw ValidationException.of("file", "Le PDF est illisible ou corrompu.");
        }
        if (outcome.signatures().isEmpty()) {
            throw ValidationException.of("file", "Le PDF ne contient aucune signature.");
        }
        return new Result(outcome.allPassed(), outcome.signatures(), outcome.etsiReportXml());
    }
}
