package uk.schoolattendance.security;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import uk.schoolattendance.process.InvalidInputException;

/** Reading a deployed model's XML safely (no DTD, no external entities) and walking its elements. */
final class ModelXml {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String ACTIVITI = "http://activiti.org/bpmn";

  private ModelXml() {}

  static Document parse(String resource, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new InvalidInputException(resource, "is not well-formed XML without a DOCTYPE");
    }
  }

  /** Every element of the document, depth first. */
  static void forEachElement(Element element, Consumer<Element> visitor) {
    visitor.accept(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        forEachElement(childElement, visitor);
      }
    }
  }

  /** The element's own text, without its children's. */
  static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  static boolean isCamunda(String namespace) {
    return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
  }

  /** The id of the element or of its nearest ancestor that has one, for messages. */
  static String idOf(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return element.getLocalName();
  }
}
