package uk.schoolattendance.security;

import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import uk.schoolattendance.process.InvalidInputException;

/**
 * A BPMN model runs no code of its own: no script task, script listener, script condition or
 * {@code camunda:script}; no Java class ({@code camunda:class}, {@code variableMappingClass},
 * custom form field validators); no connector; forms only as Camunda Forms (an embedded HTML
 * form would run its script in every user's Tasklist); and every expression, in any attribute or
 * text (conditions, timers, candidate users and groups, due dates, delegate expressions, in/out
 * mappings, multi-instance collections, input/output parameters, field injections, listeners),
 * within {@link ExpressionAllowList}. Documentation and annotations are never evaluated and are
 * not checked.
 */
final class BpmnRules {

  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");
  private static final Set<String> FORM_FIELD_VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength", "min", "max");
  private static final Set<String> JAVA_CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");

  private final ExpressionAllowList expressions;

  BpmnRules(ExpressionAllowList expressions) {
    this.expressions = expressions;
  }

  void check(String resource, byte[] bytes) {
    Element root = ModelXml.parse(resource, bytes).getDocumentElement();
    ModelXml.forEachElement(root, element -> checkElement(resource, element));
  }

  private void checkElement(String resource, Element element) {
    String name = element.getLocalName();
    boolean camunda = ModelXml.isCamunda(element.getNamespaceURI());
    if ("scriptTask".equals(name)) {
      refuse(resource, element, "a script task runs code: use a service task bound to one of the application's beans");
    }
    if (camunda && "script".equals(name)) {
      refuse(resource, element, "camunda:script runs code: use an expression or one of the application's beans");
    }
    if (camunda && "connector".equals(name)) {
      refuse(resource, element, "a connector calls out of the application: use one of the application's beans");
    }
    if (camunda && "constraint".equals(name) && !FORM_FIELD_VALIDATORS.contains(element.getAttribute("name"))) {
      refuse(resource, element, "a custom form field validator runs a Java class or expression; use " + FORM_FIELD_VALIDATORS);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(resource, element, camunda, (Attr) attributes.item(i));
    }
    if (!NOT_EVALUATED.contains(name)) {
      checkExpressions(resource, element, ModelXml.ownText(element));
    }
  }

  private void checkAttribute(String resource, Element element, boolean camundaElement, Attr attribute) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    boolean camunda = ModelXml.isCamunda(attribute.getNamespaceURI()) || (camundaElement && attribute.getNamespaceURI() == null);
    String value = attribute.getValue();
    if (camunda && JAVA_CLASS_ATTRIBUTES.contains(name)) {
      refuse(resource, element, "camunda:" + name + " runs a Java class: use camunda:delegateExpression with one of the application's beans");
    }
    if (camunda && "resource".equals(name)) {
      refuse(resource, element, "camunda:resource loads a script: use an expression or one of the application's beans");
    }
    if ("scriptFormat".equals(name) || ("language".equals(name) && !value.isBlank())) {
      refuse(resource, element, "a script (" + value + ") runs code: use an expression");
    }
    if (camunda && "formKey".equals(name) && !value.startsWith("camunda-forms:")) {
      refuse(resource, element, "an embedded or external form runs its own script in Tasklist: use a Camunda Form (camunda:formRef)");
    }
    checkExpressions(resource, element, value);
  }

  private void checkExpressions(String resource, Element element, String text) {
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return;
    }
    String problem = expressions.problem(text.strip());
    if (problem != null) {
      refuse(resource, element, "the expression " + text.strip() + " is not allowed: " + problem);
    }
  }

  static void refuse(String resource, Element element, String why) {
    throw new InvalidInputException(resource + " (" + ModelXml.idOf(element) + ")", why);
  }
}
