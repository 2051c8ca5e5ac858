package fr.acta.tenant;

import java.util.UUID;

/** What other capabilities need to know of a collectivité. */
public record TenantRef(UUID id, String code, String name, String siren, String departement,
                        String arrondissement, String natureCode, String signatureLevel) {

    static TenantRef of(Tenant t) {
        return new TenantRef(t.getId(), t.getCode(), t.getName(), t.getSiren(), t.getDepartement(),
                t.getArrondissement(), t.getNatureCode(), t.getSignatureLevel());
    }
}
