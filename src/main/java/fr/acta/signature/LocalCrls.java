package fr.acta.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CRLs of the local PKI's two CAs, kept as {@code root-ca.crl} and {@code issuing-ca.crl} in
 * its folder. Each new CRL carries over the entries of the previous one of the same CA: the CRL
 * file is the register of revocations. A CRL is regenerated when half its validity has passed,
 * when a certificate is issued after it, and when a certificate is revoked.
 */
final class LocalCrls {

    private final Path folder;
    private final Duration validity;
    private final Clock clock;
    private final List<X509CRL> crls = new ArrayList<>();
    private boolean forceRenewal;

    LocalCrls(Path folder, Duration validity, Clock clock) {
        this.folder = folder;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * A CRL says nothing of certificates issued after it (DSS rejects it for them: "revocation data
     * issued before the certificate's issuance time"), so issuing a certificate renews the CRLs.
     */
    synchronized void issuedSince(Instant notBefore) {
        if (crls.isEmpty() || crls.stream().anyMatch(c -> c.getThisUpdate().toInstant().isBefore(notBefore))) {
            forceRenewal = true;
        }
    }

    /** The root's CRL then the issuing CA's, regenerated when stale. */
    synchronized List<X509CRL> current(LocalPki.Authorities a) {
        Instant now = clock.instant();
        boolean stale = forceRenewal || crls.isEmpty() || crls.stream().anyMatch(c -> isStale(c, now));
        if (stale) {
            crls.clear();
            crls.add(crl(LocalPki.ROOT, a.root(), now, false, null));
            crls.add(crl(LocalPki.ISSUING, a.issuing(), now, forceRenewal, null));
            forceRenewal = false;
        }
        return List.copyOf(crls);
    }

    /**
     * Adds the certificate to the issuing CA's CRL and signs a new one at once; false when it was
     * already revoked (nothing changes then).
     */
    synchronized boolean revoke(LocalPki.Authorities a, X509Certificate certificate, java.security.cert.CRLReason reason) {
        X509Certificate issuing = (X509Certificate) a.issuing().getCertificate();
        if (!issuedBy(certificate, issuing)) {
            throw new IllegalArgumentException("The certificate " + certificate.getSubjectX500Principal()
                    + " was not issued by the local issuing CA");
        }
        current(a);
        if (crls.get(1).getRevokedCertificate(certificate) != null) {
            return false;
        }
        Instant now = clock.instant();
        Certificates.Revoked entry = new Certificates.Revoked(certificate.getSerialNumber(),
                now.truncatedTo(ChronoUnit.SECONDS), reason);
        crls.set(1, crl(LocalPki.ISSUING, a.issuing(), now, true, entry));
        return true;
    }

    /** The issuing CA's CRL entry of a certificate it issued, if revoked. */
    synchronized Optional<X509CRLEntry> revocationOf(LocalPki.Authorities a, X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(
                ((X509Certificate) a.issuing().getCertificate()).getSubjectX500Principal())) {
            return Optional.empty();
        }
        return Optional.ofNullable(current(a).get(1).getRevokedCertificate(certificate));
    }

    static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean isStale(X509CRL crl, Instant now) {
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        Instant nextUpdate = crl.getNextUpdate().toInstant();
        Instant half = thisUpdate.plus(Duration.between(thisUpdate, nextUpdate).dividedBy(2));
        return !now.isBefore(half) || now.isBefore(thisUpdate);
    }

    /**
     * The CRL on disk if still fresh (and nothing to add), otherwise a new one with the next number,
     * the entries of the one on disk (same CA only) and {@code added}.
     */
    private X509CRL crl(String name, KeyStore.PrivateKeyEntry ca, Instant now, boolean renew, Certificates.Revoked added) {
        Path file = folder.resolve(name + ".crl");
        X509Certificate caCertificate = (X509Certificate) ca.getCertificate();
        BigInteger number = BigInteger.ONE;
        List<Certificates.Revoked> entries = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                X509CRL existing = Certificates.crl(Files.readAllBytes(file));
                boolean sameCa = existing.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal());
                if (!renew && added == null && !isStale(existing, now) && sameCa) {
                    return existing;
                }
                number = Certificates.crlNumber(existing).add(BigInteger.ONE);
                if (sameCa) {
                    entries.addAll(Certificates.revoked(existing));
                }
            }
            if (added != null) {
                entries.add(added);
            }
            Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
            X509CRL fresh = Certificates.crl(caCertificate, ca.getPrivateKey(), thisUpdate, thisUpdate.plus(validity),
                    number, entries);
            LocalPki.write(folder, file, fresh.getEncoded(), false);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CRL " + file, e);
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
    }
}
