package uk.schoolattendance.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The Camunda Modeler element templates in element-templates/ (docs/analysts.md): well-formed
 * Camunda 7 templates whose delegate expression names a real Spring bean that is a JavaDelegate,
 * used by a service task in bpmn/ with the same asynchronous setting (and a retry cycle when
 * asynchronous, which a template cannot set), and whose documented variables are the ones the
 * delegate's code reads and sets (a task that only writes a record outside the process, such as
 * the register, says what it writes instead of what it sets). No Spring context: the beans are found by classpath scanning.
 */
class ElementTemplatesTest {

  static final String SCHEMA =
      "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final Set<String> BINDINGS =
      Set.of(
          "property",
          "camunda:property",
          "camunda:inputParameter",
          "camunda:outputParameter",
          "camunda:in",
          "camunda:out",
          "camunda:in:businessKey",
          "camunda:executionListener",
          "camunda:field",
          "camunda:errorEventDefinition");
  static final Set<String> NAMED_BINDINGS =
      Set.of("property", "camunda:property", "camunda:inputParameter", "camunda:field");
  static final Set<String> TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");
  static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)}");

  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<Path, JsonNode> templates = new HashMap<>();
  static final Map<String, Class<?>> beans = new HashMap<>();
  static final List<ServiceTask> serviceTasks = new ArrayList<>();

  @BeforeAll
  static void load() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.isArray()) {
          for (JsonNode template : root) {
            templates.put(file.resolve(template.path("id").asText("?")), template);
          }
        } else {
          templates.put(file, root);
        }
      }
    }
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition definition : scanner.findCandidateComponents("uk.schoolattendance")) {
      String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry);
      beans.put(name, Class.forName(definition.getBeanClassName()));
    }
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        serviceTasks.addAll(
            Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class));
      }
    }
  }

  @Test
  void theServiceTasksOfTheProjectHaveTemplates() {
    Set<String> delegates = new HashSet<>();
    templates.values().forEach(t -> delegates.add(bean(t)));
    assertThat(delegates)
        .contains(
            "issueNoticeToImprove",
            "issuePenaltyNotice",
            "recordLevelChange",
            "recordPenaltyNoticeOutcomes",
            "reportCourtOutcome");
    assertThat(delegates).hasSameSizeAs(templates.values());
  }

  @Test
  void everyTemplateIsACamunda7ServiceTaskTemplate() {
    Set<String> ids = new HashSet<>();
    templates.forEach(
        (where, template) -> {
          assertThat(template.path("$schema").asText()).as(where + " $schema").isEqualTo(SCHEMA);
          assertThat(template.path("id").asText()).as(where + " id").isNotBlank();
          assertThat(ids.add(template.path("id").asText())).as(where + " id is unique").isTrue();
          assertThat(template.path("name").asText()).as(where + " name").isNotBlank();
          assertThat(template.path("description").asText()).as(where + " description").isNotBlank();
          assertThat(template.path("version").isInt()).as(where + " version").isTrue();
          assertThat(template.path("appliesTo").toString())
              .as(where + " appliesTo")
              .isEqualTo("[\"bpmn:ServiceTask\"]");
          assertThat(template.path("properties").size()).as(where + " properties").isPositive();
          for (JsonNode property : template.path("properties")) {
            String label = where + " property " + property.path("label").asText();
            assertThat(property.path("label").asText()).as(label + " label").isNotBlank();
            assertThat(property.path("type").asText()).as(label + " type").isIn(TYPES);
            String binding = property.path("binding").path("type").asText();
            assertThat(binding).as(label + " binding").isIn(BINDINGS);
            if (NAMED_BINDINGS.contains(binding)) {
              assertThat(property.path("binding").path("name").asText())
                  .as(label + " binding name")
                  .isNotBlank();
            }
          }
          assertThat(bound(template, "camunda:delegateExpression")).as(where + " delegate").hasSize(1);
          assertThat(bound(template, "camunda:asyncBefore")).as(where + " asyncBefore").hasSize(1);
        });
  }

  @Test
  void everyDelegateExpressionNamesAJavaDelegateBean() {
    assertThat(beans).containsKey("issueNoticeToImprove"); // the scan itself works
    for (JsonNode template : templates.values()) {
      String bean = bean(template);
      assertThat(beans).as("Spring bean " + bean).containsKey(bean);
      assertThat(JavaDelegate.class).as(bean).isAssignableFrom(beans.get(bean));
    }
  }

  @Test
  void everyTemplateMatchesItsServiceTasksInTheModels() {
    for (JsonNode template : templates.values()) {
      String expression = "${" + bean(template) + "}";
      boolean async = bound(template, "camunda:asyncBefore").get(0).path("value").asBoolean();
      List<ServiceTask> uses =
          serviceTasks.stream()
              .filter(task -> expression.equals(task.getCamundaDelegateExpression()))
              .toList();
      assertThat(uses).as(expression + " is used in bpmn/").isNotEmpty();
      for (ServiceTask task : uses) {
        assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isEqualTo(async);
        if (async) {
          ExtensionElements extensions = task.getExtensionElements();
          assertThat(
                  extensions == null
                      ? List.of()
                      : extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list())
              .as(task.getId() + " retry time cycle")
              .hasSize(1);
        }
      }
    }
  }

  @Test
  void theDocumentedVariablesAreTheOnesTheCodeUses() throws IOException {
    Map<String, Set<String>> declarations = declarations();
    for (JsonNode template : templates.values()) {
      Class<?> delegate = beans.get(bean(template));
      assertThat(delegate).as("Spring bean " + bean(template)).isNotNull();
      Path folder = Path.of("src/main/java", delegate.getPackageName().replace('.', '/'));
      String own = Files.readString(folder.resolve(delegate.getSimpleName() + ".java"));
      StringBuilder sources = new StringBuilder(own);
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          sources.append(Files.readString(file));
        }
      }
      for (String property : List.of("reads", "sets")) {
        List<JsonNode> documented = bound(template, property);
        if (property.equals("sets") && documented.isEmpty() && bound(template, "writes").size() == 1) {
          continue; // writes a record (the register, the court record) and sets no process variable
        }
        assertThat(documented).as(bean(template) + " documents what it " + property).hasSize(1);
        for (String variable : documented.get(0).path("value").asText().split(",\\s*")) {
          assertThat(usesDeclaration(sources.toString(), declarations, variable))
              .as(bean(template) + " " + property + " " + variable)
              .isTrue();
        }
      }
      String first = bound(template, "reads").get(0).path("value").asText().split(",")[0];
      assertThat(usesDeclaration(own, declarations, first)).as(delegate + " reads " + first + " itself").isTrue();
    }
  }

  /** The code names a variable through its contract's declaration (the typed contracts, ADR 0006). */
  static boolean usesDeclaration(String source, Map<String, Set<String>> declarations, String variable) {
    return declarations.getOrDefault(variable, Set.of()).stream()
        .anyMatch(constant -> Pattern.compile("\\b" + constant + "\\b").matcher(source).find());
  }

  /** Variable name to the constants that declare it, in the contracts and the shared case facts. */
  static Map<String, Set<String>> declarations() throws IOException {
    Pattern declared = Pattern.compile("ProcessVariable<[^>]+> (\\w+) =\\s*(?:ProcessVariable\\.)?\\w+\\(\"(\\w+)\"\\)");
    Pattern alias = Pattern.compile("ProcessVariable<[^>]+> (\\w+) = (\\w+)\\.(\\w+);");
    Map<String, Set<String>> byName = new HashMap<>();
    Map<String, String> nameOf = new HashMap<>();
    List<String> contracts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (source.contains("implements ProcessContract") || file.endsWith("CaseFacts.java")) {
          contracts.add(source);
          Matcher m = declared.matcher(source);
          while (m.find()) {
            byName.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(m.group(1));
            nameOf.put(m.group(1), m.group(2));
          }
        }
      }
    }
    for (String source : contracts) {
      Matcher m = alias.matcher(source);
      while (m.find()) {
        String name = nameOf.get(m.group(3));
        if (name != null) {
          byName.computeIfAbsent(name, k -> new HashSet<>()).add(m.group(1));
        }
      }
    }
    return byName;
  }

  static List<JsonNode> bound(JsonNode template, String name) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode property : template.path("properties")) {
      if (name.equals(property.path("binding").path("name").asText())) {
        found.add(property);
      }
    }
    return found;
  }

  static String bean(JsonNode template) {
    List<JsonNode> delegate = bound(template, "camunda:delegateExpression");
    assertThat(delegate).as(template.path("id").asText() + " delegate").hasSize(1);
    Matcher matcher = BEAN_EXPRESSION.matcher(delegate.get(0).path("value").asText());
    assertThat(matcher.matches()).as(delegate.get(0).path("value").asText() + " is ${beanName}").isTrue();
    return matcher.group(1);
  }
}
