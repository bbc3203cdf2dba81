package uk.schoolattendance.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.w3c.dom.Element;
import uk.schoolattendance.attendance.IdentifyAttendanceConcerns;
import uk.schoolattendance.attendance.ThresholdSessions;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.notices.PenaltyNoticeTermsService;

/**
 * A decision the application evaluates is a contract with its code (ADR 0005; docs/analysts.md,
 * "Change a rule (DMN)"): a new version deployed by hand, which skips the build's decision tests,
 * is refused when
 * <ul>
 *   <li>it is not a decision table, or its outputs' names and types are not exactly the ones the
 *       code reads ({@link #OUTPUTS}): a renamed output, or {@code thresholdMet} as a string,
 *       would fail every case that evaluates it;
 *   <li>a UNIQUE table's rules overlap: every input that is a plain variable is tried at each
 *       number in its cells and just either side of it, each string in its cells, true and false,
 *       and two rules matching the same inputs are named (a table too large to try is left to its
 *       tests);
 *   <li>{@code NationalThreshold} is no threshold: it must answer false below one number of
 *       sessions and true from it ({@link ThresholdSessions#of}), the number the register reads.
 * </ul>
 */
final class DecisionContracts {

  /** Per decision the code evaluates: its outputs, each name with its type, as the code reads them. */
  static final Map<String, Map<String, String>> OUTPUTS = outputs();

  /** The most input combinations tried for overlapping rules in one table. */
  static final int MOST_TRIES = 20_000;

  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}_$\\d.])-?\\d+(?:\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern VARIABLE = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
  private static final Pattern RULE_ID = Pattern.compile("id='([^']+)'");

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DecisionContracts() {}

  private static Map<String, Map<String, String>> outputs() {
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    outputs.put(AttendanceCase.ATTENDANCE_BAND_DECISION, Map.of(AttendanceCase.ATTENDANCE_BAND.name(), "string"));
    outputs.put(AttendanceCase.NATIONAL_THRESHOLD_DECISION, Map.of(AttendanceCase.THRESHOLD_MET.name(), "boolean"));
    outputs.put(AttendanceCase.REVIEW_OUTCOME_DECISION, Map.of(AttendanceCase.REVIEW_OUTCOME.name(), "string"));
    outputs.put(IdentifyAttendanceConcerns.IDENTIFICATION_DECISION, Map.of("identified", "boolean", "reason", "string"));
    outputs.put(IdentifyAttendanceConcerns.TARGETING_SUPPORT_FLAG_DECISION, Map.of("flag", "boolean"));
    outputs.put(PenaltyNoticeTermsService.DECISION,
        Map.of("noticeAllowed", "boolean", "refusalReason", "string", "rateBand", "string", "rateScheme", "string"));
    return Map.copyOf(outputs);
  }

  static void check(String resource, byte[] bytes, Element root) {
    List<Element> decisions = new ArrayList<>();
    ModelXml.forEachElement(root, element -> {
      if ("decision".equals(element.getLocalName())) {
        decisions.add(element);
      }
    });
    for (Element decision : decisions) {
      Map<String, String> expected = OUTPUTS.get(decision.getAttribute("id"));
      Element table = child(decision, "decisionTable");
      if (expected != null) {
        outputs(resource, decision, table, expected);
      }
      if (table != null) {
        overlaps(resource, bytes, decision, table);
      }
      if (AttendanceCase.NATIONAL_THRESHOLD_DECISION.equals(decision.getAttribute("id"))) {
        try {
          ThresholdSessions.of(DMN, parsed(bytes, decision));
        } catch (IllegalArgumentException e) {
          BpmnRules.refuse(resource, decision, "the national threshold " + e.getMessage());
        }
      }
    }
  }

  private static void outputs(String resource, Element decision, Element table, Map<String, String> expected) {
    String id = decision.getAttribute("id");
    if (table == null) {
      BpmnRules.refuse(resource, decision, "the application evaluates " + id + " as a decision table with outputs " + words(expected));
    }
    Map<String, String> found = new LinkedHashMap<>();
    for (Element output : children(table, "output")) {
      found.put(output.getAttribute("name"), output.getAttribute("typeRef").toLowerCase(Locale.ROOT));
    }
    if (!found.equals(expected)) {
      BpmnRules.refuse(resource, decision, "the application reads " + id + "'s outputs " + words(expected)
          + ", this version has " + words(found) + "; keep the outputs' names and types (or ask a developer to change the code first)");
    }
  }

  /** Two rules of a UNIQUE table matching the same inputs, tried at the values its cells name. */
  private static void overlaps(String resource, byte[] bytes, Element decision, Element table) {
    String hitPolicy = table.getAttribute("hitPolicy");
    if (!hitPolicy.isEmpty() && !"UNIQUE".equalsIgnoreCase(hitPolicy)) {
      return;
    }
    List<Element> inputs = children(table, "input");
    List<String> names = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    long tries = 1;
    for (int i = 0; i < inputs.size(); i++) {
      Element expression = child(inputs.get(i), "inputExpression");
      Element text = expression == null ? null : child(expression, "text");
      String name = text == null ? "" : ModelXml.ownText(text).strip();
      if (!VARIABLE.matcher(name).matches()) {
        return; // an expression of several variables: left to the decision's tests
      }
      names.add(name);
      List<Object> candidates = candidates(expression.getAttribute("typeRef"), column(table, i));
      values.add(candidates);
      tries *= candidates.size();
      if (tries > MOST_TRIES) {
        return;
      }
    }
    if (names.isEmpty()) {
      return;
    }
    DmnDecision parsed = parsed(bytes, decision);
    List<Object> tried = new ArrayList<>();
    try {
      combinations(names, values, 0, Variables.createVariables(), tried, parsed);
    } catch (RuntimeException e) {
      if (!"DmnHitPolicyException".equals(e.getClass().getSimpleName())) {
        throw e;
      }
      // the engine names the matching rules (and their cells): keep the rules' ids
      List<String> ruleIds = children(table, "rule").stream().map(r -> r.getAttribute("id")).toList();
      List<String> rules = new ArrayList<>();
      Matcher m = RULE_ID.matcher(String.valueOf(e.getMessage()));
      while (m.find()) {
        if (ruleIds.contains(m.group(1)) && !rules.contains(m.group(1))) {
          rules.add(m.group(1));
        }
      }
      BpmnRules.refuse(resource, decision, "hit policy UNIQUE, but rules " + String.join(" and ", rules)
          + " both match " + tried.get(tried.size() - 1) + "; make the rules' cells not overlap");
    }
  }

  private static void combinations(
      List<String> names, List<List<Object>> values, int i, VariableMap variables, List<Object> tried, DmnDecision decision) {
    if (i == names.size()) {
      tried.add(new LinkedHashMap<>(variables));
      try {
        DMN.evaluateDecisionTable(decision, variables);
      } catch (RuntimeException e) {
        if ("DmnHitPolicyException".equals(e.getClass().getSimpleName())) {
          throw e;
        }
        // a value the input's type does not take: not an overlap
      }
      return;
    }
    for (Object value : values.get(i)) {
      variables.putValue(names.get(i), value);
      combinations(names, values, i + 1, variables, tried, decision);
    }
  }

  /** The values tried for an input of {@code typeRef}, from its cells' texts. */
  static List<Object> candidates(String typeRef, List<String> cells) {
    String type = typeRef.toLowerCase(Locale.ROOT);
    TreeSet<Double> numbers = new TreeSet<>();
    List<Object> strings = new ArrayList<>();
    for (String cell : cells) {
      String withoutStrings = STRING.matcher(cell).replaceAll("\"\"");
      Matcher n = NUMBER.matcher(withoutStrings);
      while (n.find()) {
        numbers.add(Double.parseDouble(n.group()));
      }
      Matcher s = STRING.matcher(cell);
      while (s.find()) {
        if (!strings.contains(s.group(1))) {
          strings.add(s.group(1));
        }
      }
    }
    List<Object> values = new ArrayList<>();
    switch (type) {
      case "integer", "long" -> {
        TreeSet<Long> whole = new TreeSet<>();
        numbers.forEach(x -> {
          long k = (long) Math.floor(x);
          whole.add(k - 1);
          whole.add(k);
          whole.add(k + 1);
        });
        for (Long k : whole) {
          if ("integer".equals(type)) {
            values.add(Math.toIntExact(k));
          } else {
            values.add(k);
          }
        }
      }
      case "double" -> {
        TreeSet<Double> near = new TreeSet<>();
        numbers.forEach(x -> {
          near.add(x - 0.5);
          near.add(x - 0.001);
          near.add(x);
          near.add(x + 0.001);
          near.add(x + 0.5);
        });
        values.addAll(near);
      }
      case "boolean" -> {
        values.add(true);
        values.add(false);
      }
      case "string" -> values.addAll(strings);
      default -> { }
    }
    if (values.isEmpty()) {
      values.add(null);
    }
    return values;
  }

  private static List<String> column(Element table, int input) {
    List<String> cells = new ArrayList<>();
    for (Element rule : children(table, "rule")) {
      List<Element> entries = children(rule, "inputEntry");
      if (input < entries.size()) {
        Element text = child(entries.get(input), "text");
        cells.add(text == null ? "" : ModelXml.ownText(text));
      }
    }
    return cells;
  }

  private static DmnDecision parsed(byte[] bytes, Element decision) {
    try {
      return DMN.parseDecision(decision.getAttribute("id"), new ByteArrayInputStream(bytes));
    } catch (org.camunda.bpm.dmn.engine.DmnEngineException e) {
      throw new uk.schoolattendance.process.InvalidInputException(decision.getAttribute("id"), "is not a decision the engine can read: "
          + e.getMessage());
    }
  }

  private static String words(Map<String, String> outputs) {
    List<String> words = new ArrayList<>();
    outputs.forEach((name, type) -> words.add(name + " (" + (type.isEmpty() ? "no type" : type) + ")"));
    return words.isEmpty() ? "none" : String.join(", ", words);
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }
}
