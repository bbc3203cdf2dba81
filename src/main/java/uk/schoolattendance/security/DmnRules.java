package uk.schoolattendance.security;

import java.util.Locale;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Decisions keep FEEL and nothing else: an {@code expressionLanguage} other than FEEL (JUEL, which
 * reaches the engine's beans like a BPMN expression; JavaScript, Groovy) is refused. FEEL itself
 * cannot name a Java class (Camunda builds its FEEL engine with external functions off), but it
 * does call the public methods of a Java object among its inputs ({@code x.delete()} on a file):
 * so a FEEL text calling a method ({@code x.name(…)}) is refused, and no Java object reaches a
 * decision (Object variables are refused on the engine REST API). A decision the application
 * evaluates must then keep its contract with the code ({@link DecisionContracts}).
 */
final class DmnRules {

  /** {@code .name(} outside a string literal: a method call on a Java object. */
  private static final Pattern METHOD_CALL = Pattern.compile("\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*\\s*\\(");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private DmnRules() {}

  static void check(String resource, byte[] bytes) {
    Element root = ModelXml.parse(resource, bytes).getDocumentElement();
    ModelXml.forEachElement(
        root,
        element -> {
          String language = element.getAttribute("expressionLanguage");
          if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
            BpmnRules.refuse(resource, element, "expression language " + language + " is not FEEL; decisions are written in FEEL");
          }
          if ("text".equals(element.getLocalName())) {
            String feel = STRING_LITERAL.matcher(ModelXml.ownText(element)).replaceAll("\"\"");
            if (METHOD_CALL.matcher(feel).find()) {
              BpmnRules.refuse(resource, element, "FEEL may not call a method of a Java object (" + ModelXml.ownText(element).strip() + ")");
            }
          }
        });
    // only FEEL without method calls gets this far: the decision may now be evaluated
    DecisionContracts.check(resource, bytes, root);
  }
}
