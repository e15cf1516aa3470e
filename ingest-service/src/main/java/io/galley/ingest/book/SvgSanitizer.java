package io.galley.ingest.book;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Removes what can run or fetch from an SVG before it is hashed and published, so the HTML, PDF and
 * EPUB editions all get the same clean bytes: scripts, {@code foreignObject}, event handler
 * attributes ({@code on*}), {@code javascript:} values, and references outside the file ({@code
 * href}s other than {@code #id} and inline raster {@code data:} images, CSS {@code url()}s other
 * than {@code #id}, {@code @import}). The parser refuses DOCTYPEs (so no entities) and external
 * fetches. A clean file keeps its bytes. Thread-safe.
 */
final class SvgSanitizer {

  /** What sanitising gave: the bytes to publish and what was removed, or why it failed. */
  record Result(byte[] bytes, List<String> removed, String error, int errorLine) {}

  private static final Pattern EXTERNAL_URL =
      Pattern.compile("(?i)url\\s*\\(\\s*+['\"]?+\\s*+(?!#)|@import|javascript:|expression\\s*\\(");
  private static final Pattern SAFE_HREF =
      Pattern.compile("(?i)#.*|data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");
  private static final java.util.Set<String> DROPPED =
      java.util.Set.of("script", "foreignobject", "iframe", "embed", "object", "handler");

  private final DocumentBuilderFactory factory;

  SvgSanitizer() {
    try {
      // the JDK's own parser, not whatever the classpath offers: Xerces (which Batik brings where
      // the services share a classpath) refuses the JAXP access properties set below
      factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setAttribute("jdk.xml.maxElementDepth", 256);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a secure-processing feature", e);
    }
  }

  /** Sanitises {@code svg}. */
  Result sanitize(byte[] svg) {
    Document doc;
    try {
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // no printing to stderr; errors still throw
      builder.setEntityResolver((publicId, systemId) -> null);
      doc = builder.parse(new ByteArrayInputStream(svg));
    } catch (SAXParseException e) {
      return new Result(null, List.of(), e.getMessage(), Math.max(0, e.getLineNumber()));
    } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
      return new Result(null, List.of(), String.valueOf(e.getMessage()), 0);
    }
    Element root = doc.getDocumentElement();
    if (root == null || !root.getLocalName().equals("svg")) {
      return new Result(null, List.of(), "the root element is not <svg>", 1);
    }
    TreeSet<String> removed = new TreeSet<>();
    clean(root, removed);
    if (removed.isEmpty()) {
      return new Result(svg, List.of(), null, 0);
    }
    return new Result(serialize(doc), List.copyOf(removed), null, 0);
  }

  private static void clean(Element element, TreeSet<String> removed) {
    List<Node> children = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      children.add(n);
    }
    for (Node n : children) {
      if (n instanceof Element child) {
        String name = localName(child);
        if (DROPPED.contains(name)
            || (name.equals("style") && EXTERNAL_URL.matcher(child.getTextContent()).find())
            || ((name.equals("animate") || name.equals("set"))
                && isDangerousTarget(child.getAttribute("attributeName")))) {
          element.removeChild(child);
          removed.add("<" + child.getNodeName() + ">");
        } else {
          cleanAttributes(child, removed);
          clean(child, removed);
        }
      } else if (n.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        element.removeChild(n);
        removed.add("processing instruction <?" + n.getNodeName() + "?>");
      }
    }
    if (element.getParentNode() instanceof Document) {
      cleanAttributes(element, removed);
    }
  }

  private static void cleanAttributes(Element element, TreeSet<String> removed) {
    NamedNodeMap attributes = element.getAttributes();
    List<Attr> drop = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = localName(a);
      String value = a.getValue().strip();
      boolean dangerous =
          name.startsWith("on")
              || (name.equals("href") && !SAFE_HREF.matcher(value).matches())
              || value.toLowerCase(Locale.ROOT).contains("javascript:")
              || EXTERNAL_URL.matcher(value).find() && !name.equals("xmlns");
      if (dangerous && !a.getName().startsWith("xmlns")) {
        drop.add(a);
      }
    }
    for (Attr a : drop) {
      element.removeAttributeNode(a);
      removed.add(a.getName() + " attribute");
    }
  }

  private static boolean isDangerousTarget(String attributeName) {
    String n = attributeName.toLowerCase(Locale.ROOT);
    return n.startsWith("on") || n.endsWith("href") || n.equals("style");
  }

  private static String localName(Node n) {
    String local = n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
    return local.toLowerCase(Locale.ROOT);
  }

  private static byte[] serialize(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newDefaultInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("serialising a parsed SVG failed", e);
    }
  }
}
