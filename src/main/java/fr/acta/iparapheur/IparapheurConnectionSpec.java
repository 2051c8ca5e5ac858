package fr.acta.iparapheur;

/**
 * How a collectivité reaches its i-Parapheur, as an administrator writes it. {@code password} may be
 * left out of a later update to keep the stored one; {@code realm} and {@code clientId} default to a
 * standard installation's ({@code api}, {@code ipcore-web}).
 *
 * @param tenantId the i-Parapheur's entity (tenant) id
 * @param deskId   the desk (bureau) Acta's account creates its folders from
 */
public record IparapheurConnectionSpec(String baseUrl, String realm, String clientId, String username,
                                       String password, String tenantId, String deskId) {

    @Override
    public String toString() {
        return "IparapheurConnectionSpec[baseUrl=" + baseUrl + ", realm=" + realm + ", clientId=" + clientId
                + ", username=" + username + ", password=******, tenantId=" + tenantId + ", deskId=" + deskId + "]";
    }
}
