package fr.acta.signature;

import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;
import java.util.Locale;

/** Turns DSS's failures while augmenting a signature into a French reason for the user. */
final class SigningFailures {

    private SigningFailures() {
    }

    static SignatureLevelNotReachedException explain(SignatureLevel requested, RuntimeException e, String tsa) {
        String all = messages(e).toLowerCase(Locale.ROOT);
        String reason;
        if (has(e, DSSExternalResourceException.class) || all.contains("timestamp") || all.contains("tsp")) {
            reason = "horodatage indisponible (" + tsa + ")";
        } else if (all.contains("self-signed") || all.contains("self signed")) {
            reason = "certificat du signataire auto-signé, aucune donnée de révocation possible";
        } else if (all.contains("revocation") || all.contains("revoked")) {
            reason = all.contains("revoked") && !all.contains("missing")
                    ? "certificat révoqué" : "données de révocation indisponibles";
        } else if (all.contains("expired")) {
            reason = "certificat expiré";
        } else if (has(e, AlertException.class) || has(e, DSSException.class)) {
            reason = "erreur lors de la signature (" + e.getMessage() + ")";
        } else {
            throw e;
        }
        return new SignatureLevelNotReachedException(requested, reason, e);
    }

    /** Why a signature DSS just validated does not pass, in French, with DSS's codes for support. */
    static String notPassed(SignatureCheck check) {
        String sub = check.subIndication() == null ? "" : check.subIndication();
        String why = switch (sub) {
            case "NO_CERTIFICATE_CHAIN_FOUND", "NO_CERTIFICATE_CHAIN_FOUND_NO_POE" ->
                    "certificat du signataire émis par une autorité non reconnue";
            case "REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE" -> "certificat du signataire révoqué";
            case "TRY_LATER", "REVOCATION_OUT_OF_BOUNDS_NO_POE" -> "données de révocation indisponibles";
            case "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED", "EXPIRED", "NOT_YET_VALID" ->
                    "certificat du signataire expiré ou pas encore valide";
            default -> "la signature produite n'est pas valide";
        };
        return why + " (" + check.indication() + (sub.isEmpty() ? "" : " / " + sub) + ")"
                + (check.errors().isEmpty() ? "" : " : " + String.join(" ; ", check.errors()));
    }

    /** What a level lacks compared with the requested one, for the message. */
    static String missingPart(SignatureLevel requested, SignatureLevel reached) {
        if (reached == null || requested.compareTo(reached) <= 0) {
            return "";
        }
        return switch (reached) {
            case B -> " : horodatage absent";
            case T -> " : données de révocation absentes";
            case LT -> " : horodatage d'archive absent";
            case LTA -> "";
        };
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}
