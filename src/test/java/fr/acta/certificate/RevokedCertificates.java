package fr.acta.certificate;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Reading the CRL distribution points of a certificate, for the tests. */
final class RevokedCertificates {

    private RevokedCertificates() {
    }

    static List<String> crlUrls(X509Certificate certificate) throws java.io.IOException {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
        return Arrays.stream(points.getDistributionPoints())
                .flatMap(p -> Arrays.stream(((GeneralNames) p.getDistributionPoint().getName()).getNames()))
                .map(n -> n.getName().toString()).toList();
    }
}
