package fr.acta.signature;

import fr.acta.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local PKI's public part, anonymously, for validators outside Acta: the CRLs its certificates
 * point at and the CA certificates. Nothing is created here: before the PKI's first use, 404.
 */
@RestController
@Tag(name = "PKI locale", description = "Listes de révocation et certificats des autorités (accès anonyme)")
class PkiController {

    private static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    private static final MediaType CERTIFICATE = MediaType.parseMediaType("application/pkix-cert");

    private final LocalPki pki;

    PkiController(LocalPki pki) {
        this.pki = pki;
    }

    @GetMapping("/pki/crl/{ca}.crl")
    @Operation(summary = "Liste de révocation (DER) de l'autorité root-ca ou issuing-ca")
    ResponseEntity<byte[]> crl(@PathVariable String ca) {
        byte[] der = file(() -> pki.crlFile(ca + ".crl"));
        return ResponseEntity.ok().contentType(CRL).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(der);
    }

    @GetMapping("/pki/ca/{ca}.crt")
    @Operation(summary = "Certificat (DER) de l'autorité root-ca, issuing-ca ou tsa")
    ResponseEntity<byte[]> certificate(@PathVariable String ca) {
        byte[] der = file(() -> pki.certificateFile(ca + ".crt"));
        return ResponseEntity.ok().contentType(CERTIFICATE).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(der);
    }

    private byte[] file(java.util.function.Supplier<byte[]> read) {
        if (!pki.exists()) {
            throw new NotFoundException("La PKI locale n'a pas encore été créée.");
        }
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Autorité inconnue.");
        }
    }
}
