package uk.schoolattendance.security;

import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may reach. An expression runs with the engine's rights,
 * so a model could otherwise do anything the engine can ({@code
 * ${execution.getProcessEngineServices().getIdentityService()…}} made an analyst an
 * administrator). Allowed:
 *
 * <ul>
 *   <li>the application's own beans ({@link BeanKind#APPLICATION}), as a delegate or with one
 *       method call or property, whose result is used as a value and not reached into;
 *   <li>process variables and literals, with the read-only methods of text, numbers, dates and
 *       Json ({@link #VALUE_METHODS});
 *   <li>{@code execution} and {@code task} as arguments, and a few of their read-only properties
 *       ({@link #CONTEXT_MEMBERS});
 *   <li>the functions {@code now()}, {@code dateTime()} and {@code S()} (Json);
 *   <li>operators, comparisons and the conditional operator.
 * </ul>
 *
 * Everything else is refused, in particular any other Spring bean (the engine's services), {@code
 * getClass()}/{@code .class} and reflection, dynamic property names ({@code x[name]}) and the
 * engine's other context objects.
 */
final class ExpressionAllowList {

  /** What a name in an expression resolves to when it is a Spring bean. */
  enum BeanKind {
    APPLICATION,
    OTHER,
    NONE
  }

  /** The values an expression node may produce. */
  private enum Kind {
    VALUE,
    BEAN,
    CONTEXT,
    RESULT
  }

  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "S");
  static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
  static final Set<String> REFUSED_NAMES = Set.of("caseExecution", "externalTask", "variableScope", "variableContext");

  static final Set<String> CONTEXT_MEMBERS =
      Set.of(
          "id",
          "getId",
          "processBusinessKey",
          "getProcessBusinessKey",
          "businessKey",
          "getBusinessKey",
          "processInstanceId",
          "getProcessInstanceId",
          "processDefinitionId",
          "getProcessDefinitionId",
          "activityInstanceId",
          "getActivityInstanceId",
          "currentActivityId",
          "getCurrentActivityId",
          "currentActivityName",
          "getCurrentActivityName",
          "eventName",
          "getEventName",
          "taskDefinitionKey",
          "getTaskDefinitionKey",
          "getVariable",
          "getVariableLocal",
          "hasVariable",
          "hasVariableLocal");

  static final Set<String> VALUE_METHODS =
      Set.of(
          // text
          "concat", "contains", "startsWith", "endsWith", "length", "isEmpty", "isBlank", "equals",
          "equalsIgnoreCase", "toUpperCase", "toLowerCase", "trim", "strip", "substring", "indexOf",
          "toString", "compareTo", "matches",
          // lists and maps
          "size", "get", "containsKey",
          // Json (Spin): reading only
          "prop", "hasProp", "elements", "stringValue", "numberValue", "boolValue", "isNull", "isString",
          "isNumber", "isBoolean", "isArray", "isObject", "isValue", "value", "fieldNames",
          // dates (java.util.Date, Joda DateTime from now() and dateTime())
          "plusDays", "plusWeeks", "plusMonths", "plusYears", "plusHours", "plusMinutes", "minusDays",
          "minusWeeks", "minusMonths", "minusYears", "minusHours", "minusMinutes", "toDate",
          "withTimeAtStartOfDay", "isBefore", "isAfter", "before", "after", "getTime");

  /** Never, on anything: reflection and the engine's own services. */
  static final Set<String> REFUSED_MEMBERS =
      Set.of(
          "class", "getClass", "classLoader", "getClassLoader", "forName", "newInstance", "invoke",
          "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getDeclaredField",
          "getConstructor", "getDeclaredConstructor", "processEngineServices", "getProcessEngineServices",
          "processEngine", "getProcessEngine", "processEngineConfiguration", "getProcessEngineConfiguration",
          "bpmnModelInstance", "getBpmnModelInstance", "bpmnModelElementInstance", "getBpmnModelElementInstance",
          "identityService", "getIdentityService", "authorizationService", "getAuthorizationService",
          "runtimeService", "getRuntimeService", "repositoryService", "getRepositoryService", "taskService",
          "getTaskService", "managementService", "getManagementService", "historyService", "getHistoryService",
          "applicationContext", "getApplicationContext", "beanFactory", "getBeanFactory", "getRuntime", "exec",
          "mapTo", "setVariable", "setVariableLocal", "removeVariable", "removeVariables", "setVariables");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Function<String, BeanKind> beans;

  ExpressionAllowList(Function<String, BeanKind> beans) {
    this.beans = beans;
  }

  /** Why this expression (text with {@code ${…}} or {@code #{…}}) is refused, or null. */
  String problem(String expression) {
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (TreeBuilderException e) {
      return "is not a valid expression";
    }
    try {
      kindOf(root);
      return null;
    } catch (Refused refused) {
      return refused.getMessage();
    }
  }

  private Kind kindOf(Node node) {
    if (node instanceof AstLiteral || node instanceof AstText) {
      return Kind.VALUE;
    }
    if (node instanceof AstIdentifier identifier) {
      return identifier(identifier.getName());
    }
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        throw new Refused("the function " + function.getName() + "() is not one of now(), dateTime() and S()");
      }
      arguments(function);
      return Kind.VALUE;
    }
    if (node instanceof AstMethod method) {
      arguments(method.getChild(1));
      return member((AstProperty) method.getChild(0), true);
    }
    if (node instanceof AstProperty property) {
      return member(property, false);
    }
    // operators, conditionals, nesting, composite text: every part must be allowed
    arguments(node);
    return Kind.VALUE;
  }

  private void arguments(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      kindOf(node.getChild(i));
    }
  }

  private Kind identifier(String name) {
    if (CONTEXT_OBJECTS.contains(name)) {
      return Kind.CONTEXT;
    }
    if (REFUSED_NAMES.contains(name) || REFUSED_MEMBERS.contains(name)) {
      throw new Refused("'" + name + "' is not one of the application's beans or a process variable");
    }
    return switch (beans.apply(name)) {
      case APPLICATION -> Kind.BEAN;
      case OTHER -> throw new Refused("'" + name + "' is not one of the application's beans (uk.schoolattendance)");
      case NONE -> Kind.VALUE;
    };
  }

  private Kind member(AstProperty property, boolean call) {
    String name = memberName(property);
    Kind base = kindOf(property.getChild(0));
    String shown = call ? name + "()" : name;
    if (REFUSED_MEMBERS.contains(name)) {
      throw new Refused("'" + shown + "' reaches into the engine or Java itself");
    }
    switch (base) {
      case BEAN:
        return Kind.RESULT;
      case CONTEXT:
        if (!CONTEXT_MEMBERS.contains(name)) {
          throw new Refused("'" + shown + "' of execution or task is not one of " + new java.util.TreeSet<>(CONTEXT_MEMBERS));
        }
        return Kind.VALUE;
      case RESULT:
        throw new Refused("'" + shown + "': the result of a bean's method is a value, not to be reached into");
      default:
        if (call && !VALUE_METHODS.contains(name)) {
          throw new Refused("'" + shown + "' is not a read-only method of a value (text, number, date, Json)");
        }
        return Kind.VALUE;
    }
  }

  private static String memberName(AstProperty property) {
    if (property instanceof AstDot dot) {
      String text = dot.toString(); // ". name"
      return text.substring(text.lastIndexOf(' ') + 1);
    }
    if (property instanceof AstBracket bracket) {
      Node index = bracket.getChild(1);
      if (index instanceof AstString || index instanceof AstNumber) {
        String text = index.toString();
        return text.startsWith("\"") || text.startsWith("'") ? text.substring(1, text.length() - 1) : text;
      }
    }
    throw new Refused("a property chosen at run time (x[name]) is not allowed");
  }

  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
