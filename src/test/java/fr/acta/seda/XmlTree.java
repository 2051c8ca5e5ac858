package fr.acta.seda;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A manifest read back with StAX (no DTD, no external entity) into a small tree, for assertions. */
record XmlTree(String namespace, String name, Map<String, String> attributes, StringBuilder content,
               List<XmlTree> children) {

    static XmlTree parse(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        Deque<XmlTree> open = new ArrayDeque<>();
        XmlTree root = null;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    XmlTree node = new XmlTree(r.getNamespaceURI(), r.getLocalName(), attributes,
                            new StringBuilder(), new ArrayList<>());
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().children.add(node);
                    }
                    open.push(node);
                }
                case XMLStreamConstants.CHARACTERS -> open.peek().content.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                default -> { }
            }
        }
        return root;
    }

    String text() {
        return content.toString().strip();
    }

    List<XmlTree> all(String child) {
        return children.stream().filter(c -> c.name.equals(child)).toList();
    }

    XmlTree one(String child) {
        List<XmlTree> found = all(child);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + child + "> in <" + name + ">, found " + found.size());
        }
        return found.get(0);
    }

    /** The text of the child at {@code path} (names separated by {@code /}). */
    String at(String path) {
        XmlTree node = this;
        for (String step : path.split("/")) {
            node = node.one(step);
        }
        return node.text();
    }

    /** The texts of every {@code child}. */
    List<String> texts(String child) {
        return all(child).stream().map(XmlTree::text).toList();
    }
}
