package fr.acta.signature;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code acta.signature.*}.
 *
 * @param masterKey base64 of 32 random bytes ({@code ACTA_MASTER_KEY}); on the embedded default,
 *     when unset, one is generated into {@code ${acta.home}/master.key}. Read by
 *     {@link fr.acta.secret.MasterKey}, which every encrypted secret of Acta derives its key from
 * @param tsaUrl an RFC 3161 time-stamping service; blank means the local TSA of the local PKI
 * @param keyAlgorithm {@code EC_P256} (default) or {@code RSA_3072}, for the local PKI and the keys it issues
 * @param crlValidity how long a CRL of the local PKI stays valid before it is regenerated
 * @param pkiBaseUrl the base of the CRL distribution points written in the local certificates;
 *     unset: {@code ${acta.public-url}/pki/crl}, where Acta serves them
 * @param onlineRevocation also fetch CRLs, OCSP answers and issuers online (certificates of other CAs)
 * @param trustAnchors PEM files of further roots trusted besides the local root (e.g. a card's CA)
 * @param fallbackPlacement where a visible signature goes when its tag is absent or all used
 */
@ConfigurationProperties(prefix = "acta.signature")
public record SignatureProperties(String masterKey, String tsaUrl, String keyAlgorithm, Duration crlValidity,
                                  String pkiBaseUrl, boolean onlineRevocation, List<Path> trustAnchors,
                                  Fallback fallbackPlacement) {

    public SignatureProperties {
        masterKey = blankToNull(masterKey);
        tsaUrl = blankToNull(tsaUrl);
        keyAlgorithm = keyAlgorithm == null || keyAlgorithm.isBlank() ? "EC_P256" : keyAlgorithm.strip();
        crlValidity = crlValidity == null ? Duration.ofDays(7) : crlValidity;
        pkiBaseUrl = blankToNull(pkiBaseUrl);
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        fallbackPlacement = fallbackPlacement == null ? new Fallback(-1, 330, 700, 210, 80) : fallbackPlacement;
    }

    /** Defaults for the embedded installation: local TSA, generated master key. */
    public static SignatureProperties defaults() {
        return new SignatureProperties(null, null, null, null, null, false, null, null);
    }

    public SignatureProperties withTsaUrl(String url) {
        return new SignatureProperties(masterKey, url, keyAlgorithm, crlValidity, pkiBaseUrl, onlineRevocation,
                trustAnchors, fallbackPlacement);
    }

    public SignatureProperties withKeyAlgorithm(String algorithm) {
        return new SignatureProperties(masterKey, tsaUrl, algorithm, crlValidity, pkiBaseUrl, onlineRevocation,
                trustAnchors, fallbackPlacement);
    }

    /**
     * A block measured from the page's top-left corner, in PDF points; page 1 is the first, -1 the last.
     */
    public record Fallback(int page, float x, float y, float width, float height) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
