package fr.acta.signature;

import eu.europa.esig.dss.service.http.commons.TimestampDataLoader;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.KeyEntityTSPSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where timestamps come from: the local TSA of {@link LocalPki} on the embedded default, or the
 * RFC 3161 service at {@code acta.signature.tsa-url}. An unreachable service makes the signature
 * fail (see {@link SignatureLevelNotReachedException}); it never falls back to a lower level.
 */
@Component
public class TspSourceFactory {

    static final int TIMEOUT_MS = 10_000;
    /**
     * Policy of the local TSA: an OID under the UUID arc 2.25 (ITU-T X.667), which needs no
     * registration; derived from the UUID bec1b7c9-d4f4-4db7-8865-a8d31562c73f.
     */
    static final String LOCAL_TSA_POLICY = "2.25.253559160164555538196762083820291934015";

    private final LocalPki pki;
    private final String tsaUrl;
    private final int timeoutMs;

    @Autowired
    TspSourceFactory(LocalPki pki, SignatureProperties properties) {
        this(pki, properties.tsaUrl(), TIMEOUT_MS);
    }

    TspSourceFactory(LocalPki pki, String tsaUrl, int timeoutMs) {
        this.pki = pki;
        this.tsaUrl = tsaUrl;
        this.timeoutMs = timeoutMs;
    }

    public TSPSource create() {
        if (tsaUrl == null) {
            KeyEntityTSPSource local = new KeyEntityTSPSource(pki.tsaKey(), pki.tsaCertificate(), pki.tsaChain());
            local.setTsaPolicy(LOCAL_TSA_POLICY);
            return local;
        }
        TimestampDataLoader loader = new TimestampDataLoader();
        loader.setTimeoutConnection(timeoutMs);
        loader.setTimeoutConnectionRequest(timeoutMs);
        loader.setTimeoutResponse(timeoutMs);
        loader.setTimeoutSocket(timeoutMs);
        return new OnlineTSPSource(tsaUrl, loader);
    }

    boolean isLocal() {
        return tsaUrl == null;
    }

    /** For messages: the configured service, or "local". */
    String describe() {
        return tsaUrl == null ? "autorité d'horodatage locale" : tsaUrl;
    }
}
