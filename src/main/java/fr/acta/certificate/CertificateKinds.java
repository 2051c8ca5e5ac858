package fr.acta.certificate;

import fr.acta.common.ValidationException;
import fr.acta.signature.OwnerKind;

/** The {@code {kind}} of the URLs: {@code desk} (a person's desk) or {@code seal} (the collectivité's cachet). */
final class CertificateKinds {

    private CertificateKinds() {
    }

    static OwnerKind parse(String kind) {
        if ("desk".equalsIgnoreCase(kind)) {
            return OwnerKind.DESK;
        }
        if ("seal".equalsIgnoreCase(kind)) {
            return OwnerKind.SEAL;
        }
        throw ValidationException.of("kind", "Le type de certificat est « desk » (bureau) ou « seal » (cachet).");
    }

    static String name(OwnerKind kind) {
        return kind == OwnerKind.SEAL ? "seal" : "desk";
    }
}
