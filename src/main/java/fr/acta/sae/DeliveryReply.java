package fr.acta.sae;

import fr.acta.seda.SedaVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The DIP's manifest: an {@code ArchiveDeliveryRequestReply} in the archive's SEDA version,
 * carrying the {@code DataObjectPackage} of the transfer as received (units, metadata, rules,
 * objects with their digests), each object's {@code Uri} (or inline {@code Attachment}) pointing
 * to its file in the DIP, then the reply's code, the archive's identifier as {@code UnitIdentifier},
 * the archival agency and the requester (the collectivité).
 */
final class DeliveryReply {

    private DeliveryReply() {
    }

    static byte[] write(SedaVersion version, byte[] transferManifest, String identifier, String messageId,
                        String requester, List<DipWriter.Entry> entries) {
        String ns = version.namespace();
        try {
            Document original = builder().newDocumentBuilder().parse(new ByteArrayInputStream(transferManifest));
            Element source = original.getDocumentElement();
            Document doc = builder().newDocumentBuilder().newDocument();
            Element root = doc.createElementNS(ns, "ArchiveDeliveryRequestReply");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", ns);
            doc.appendChild(root);
            text(doc, root, ns, "Comment", "Communication de l'archive " + identifier + " : " + entries.size()
                    + " objet(s) sous Content/.");
            text(doc, root, ns, "Date", SedaReplies.date(Instant.now()));
            text(doc, root, ns, "MessageIdentifier", messageId);
            copy(doc, root, child(source, ns, "ArchivalAgreement"));
            Element codes = child(source, ns, "CodeListVersions");
            if (codes != null) {
                copy(doc, root, codes);
            } else {
                root.appendChild(doc.createElementNS(ns, "CodeListVersions"));
            }
            Element pkg = child(source, ns, "DataObjectPackage");
            if (pkg != null) {
                Element imported = (Element) root.appendChild(doc.importNode(pkg, true));
                pointTo(doc, imported, ns, entries);
            }
            text(doc, root, ns, "ReplyCode", "000");
            text(doc, root, ns, "MessageRequestIdentifier", messageId);
            text(doc, root, ns, "UnitIdentifier", identifier);
            Element archival = child(source, ns, "ArchivalAgency");
            copy(doc, root, archival);
            Element req = doc.createElementNS(ns, "Requester");
            root.appendChild(req);
            text(doc, req, ns, "Identifier", requester == null || requester.isBlank() ? "inconnu" : requester);
            return serialize(doc);
        } catch (Exception e) {
            throw new IllegalStateException("The DIP manifest of " + identifier + " could not be written", e);
        }
    }

    /** Each object's {@code Uri} or {@code Attachment} becomes a {@code Uri} to its entry of the DIP. */
    private static void pointTo(Document doc, Element pkg, String ns, List<DipWriter.Entry> entries) {
        var objects = pkg.getElementsByTagNameNS(ns, "BinaryDataObject");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            DipWriter.Entry entry = entries.stream().filter(e -> o.getAttribute("id").equals(e.manifestId()))
                    .findFirst().orElse(null);
            if (entry == null) {
                continue;
            }
            Element where = child(o, ns, "Uri");
            where = where != null ? where : child(o, ns, "Attachment");
            Element uri = doc.createElementNS(ns, "Uri");
            uri.setTextContent(entry.name());
            if (where != null) {
                o.replaceChild(uri, where);
            }
        }
    }

    private static void copy(Document doc, Element parent, Element source) {
        if (source != null) {
            parent.appendChild(doc.importNode(source, true));
        }
    }

    private static void text(Document doc, Element parent, String ns, String name, String value) {
        Element e = doc.createElementNS(ns, name);
        e.setTextContent(SedaReplies.clean(value));
        parent.appendChild(e);
    }

    private static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static byte[] serialize(Document doc) throws Exception {
        TransformerFactory f = TransformerFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer t = f.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        out.write('\n');
        return out.toByteArray();
    }

    private static DocumentBuilderFactory builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
