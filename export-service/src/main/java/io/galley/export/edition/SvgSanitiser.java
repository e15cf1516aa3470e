package io.galley.export.edition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Makes an SVG image safe to embed in an edition, whatever ingest did: parsed by an XML parser that
 * refuses a DOCTYPE (so no entities, internal or external), then stripped of scripts, {@code
 * foreignObject}, event handlers and every reference outside the image.
 */
public final class SvgSanitiser {

  /** A sanitised SVG and its size in user units (from width/height, else the viewBox). */
  public record Svg(byte[] bytes, double width, double height) {}

  private static final Set<String> DROPPED =
      Set.of("script", "foreignobject", "handler", "listener", "iframe", "embed", "object");
  private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^'\")\\s]*)");
  private static final Pattern NUMBER =
      Pattern.compile("^\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?\\d+)?)");

  private SvgSanitiser() {}

  /** The sanitised image, or empty when the bytes are not a well-formed SVG without a DOCTYPE. */
  public static Optional<Svg> sanitise(byte[] bytes) {
    try {
      // the JDK's own parser, whatever else is on the class path (Batik brings Xerces)
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document doc = builder.parse(new ByteArrayInputStream(bytes));
      Element root = doc.getDocumentElement();
      if (!"svg".equals(root.getLocalName())) {
        return Optional.empty();
      }
      clean(root);
      return Optional.of(new Svg(write(doc), size(root, "width", 2), size(root, "height", 3)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static void clean(Element element) {
    List<Node> children = new ArrayList<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      children.add(n);
    }
    for (Node child : children) {
      if (child instanceof Element e) {
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        if (DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
          element.removeChild(e);
        } else if (name.equalsIgnoreCase("style") && external(e.getTextContent())) {
          element.removeChild(e);
        } else {
          clean(e);
        }
      } else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
        element.removeChild(child);
      }
    }
    NamedNodeMap attributes = element.getAttributes();
    List<Attr> drop = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = (a.getLocalName() == null ? a.getName() : a.getLocalName());
      name = name.toLowerCase(Locale.ROOT);
      boolean reference = name.equals("href") || name.equals("src");
      if (name.startsWith("on")
          || reference && !local(a.getValue())
          || external(a.getValue()) && !reference) {
        drop.add(a);
      }
    }
    drop.forEach(element::removeAttributeNode);
  }

  /** A reference inside the image (a fragment) or an embedded raster image. */
  private static boolean local(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.startsWith("#") || v.startsWith("data:image/png") || v.startsWith("data:image/jpeg");
  }

  /** Whether CSS text pulls in anything from outside: {@code @import} or a non-fragment url(). */
  private static boolean external(String css) {
    String lower = css.toLowerCase(Locale.ROOT);
    if (lower.contains("@import")) {
      return true;
    }
    Matcher m = URL.matcher(lower);
    while (m.find()) {
      if (!m.group(1).startsWith("#")) {
        return true;
      }
    }
    return false;
  }

  private static double size(Element root, String attribute, int viewBoxIndex) {
    Matcher m = NUMBER.matcher(root.getAttribute(attribute));
    if (m.find()) {
      return Double.parseDouble(m.group(1));
    }
    String[] box = root.getAttribute("viewBox").trim().split("[\\s,]+");
    return box.length == 4 ? Math.abs(Double.parseDouble(box[viewBoxIndex])) : 0;
  }

  private static byte[] write(Document doc) throws Exception {
    TransformerFactory factory = TransformerFactory.newDefaultInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    var transformer = factory.newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    transformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }
}
