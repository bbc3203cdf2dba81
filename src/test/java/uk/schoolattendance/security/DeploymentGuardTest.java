package uk.schoolattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.schoolattendance.security.RestAuthenticationTest.basic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Deploying is running code: a model that would run code of its own, or reach beyond the
 * application's beans, variables and date helpers, is refused with 400 naming the file, the
 * element and why, whoever deploys it (an analyst or an administrator), and nothing is
 * deployed. The application's own models (deployed at start) and every test model pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentGuardTest {

  static final String ESCALATE =
      "${execution.getProcessEngineServices().getIdentityService().createMembership('analyst', 'camunda-admin')}";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ModelGuard guard;

  /** A model that must be refused: the element named in the answer, and a word of the reason. */
  record Attack(String name, String file, String content, String element, String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Attack> attacks() {
    List<Attack> attacks = new ArrayList<>();
    attacks.add(bpmn("engine services through the execution (execution listener)",
        "<bpmn:startEvent id='Event_Start'><bpmn:extensionElements><camunda:executionListener event='start' expression=\"" + ESCALATE + "\"/></bpmn:extensionElements></bpmn:startEvent>",
        "Event_Start", "getProcessEngineServices"));
    attacks.add(bpmn("script task", "<bpmn:scriptTask id='Task_Script' scriptFormat='javascript'><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script></bpmn:scriptTask>", "Task_Script", "script task"));
    attacks.add(bpmn("script execution listener",
        "<bpmn:startEvent id='Event_Start'><bpmn:extensionElements><camunda:executionListener event='start'><camunda:script scriptFormat='groovy'>1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>",
        "Event_Start", "script"));
    attacks.add(bpmn("script loaded from a resource",
        "<bpmn:startEvent id='Event_Start'><bpmn:extensionElements><camunda:executionListener event='start'><camunda:script scriptFormat='groovy' resource='deployment://x.groovy'/></camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>",
        "Event_Start", "script"));
    attacks.add(bpmn("Java class delegate", "<bpmn:serviceTask id='Task_Java' camunda:class='org.example.Delegate'/>", "Task_Java", "Java class"));
    attacks.add(bpmn("Java class task listener",
        "<bpmn:userTask id='Task_User'><bpmn:extensionElements><camunda:taskListener event='create' class='org.example.Listener'/></bpmn:extensionElements></bpmn:userTask>",
        "Task_User", "Java class"));
    attacks.add(bpmn("Java class variable mapping", "<bpmn:callActivity id='Task_Call' calledElement='AttendanceCase' camunda:variableMappingClass='org.example.Mapping'/>", "Task_Call", "Java class"));
    attacks.add(bpmn("script condition",
        "<bpmn:startEvent id='Event_Start'/><bpmn:endEvent id='Event_End'/><bpmn:sequenceFlow id='Flow_Script' sourceRef='Event_Start' targetRef='Event_End'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression' language='javascript'>true</bpmn:conditionExpression></bpmn:sequenceFlow>",
        "Flow_Script", "script"));
    attacks.add(bpmn("engine service as a bean (condition)",
        "<bpmn:startEvent id='Event_Start'/><bpmn:endEvent id='Event_End'/><bpmn:sequenceFlow id='Flow_Bean' sourceRef='Event_Start' targetRef='Event_End'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression'>${identityService.createMembership('analyst', 'camunda-admin') == null}</bpmn:conditionExpression></bpmn:sequenceFlow>",
        "Flow_Bean", "identityService"));
    attacks.add(bpmn("engine service as delegate", "<bpmn:serviceTask id='Task_Runtime' camunda:delegateExpression='${runtimeService}'/>", "Task_Runtime", "runtimeService"));
    attacks.add(bpmn("infrastructure bean of the application", "<bpmn:serviceTask id='Task_Init' camunda:expression='${authorizationsInitializer.toString()}'/>", "Task_Init", "authorizationsInitializer"));
    attacks.add(bpmn("the process engine through a property", "<bpmn:serviceTask id='Task_Engine' camunda:expression='${execution.processEngine}'/>", "Task_Engine", "processEngine"));
    attacks.add(bpmn("the process engine through brackets", "<bpmn:serviceTask id='Task_Bracket' camunda:expression=\"${execution['processEngineServices']}\"/>", "Task_Bracket", "processEngineServices"));
    attacks.add(bpmn("reflection from text", "<bpmn:serviceTask id='Task_Reflect' camunda:expression=\"${''.getClass().forName('java.lang.Runtime')}\"/>", "Task_Reflect", "getClass"));
    attacks.add(bpmn("reflection from one of the application's beans", "<bpmn:serviceTask id='Task_BeanClass' camunda:expression='${casePathway.getClass()}'/>", "Task_BeanClass", "getClass"));
    attacks.add(bpmn("reaching into what a bean returns", "<bpmn:serviceTask id='Task_Chain' camunda:expression='${schoolCalendar.workingDaysFromNow(5).time}'/>", "Task_Chain", "result"));
    attacks.add(bpmn("Spring expression type reference", "<bpmn:serviceTask id='Task_Spel' camunda:expression='${T(java.lang.Runtime).getRuntime()}'/>", "Task_Spel", "not"));
    attacks.add(bpmn("a variable written from the model", "<bpmn:serviceTask id='Task_Write' camunda:expression=\"${execution.setVariable('level', 5)}\"/>", "Task_Write", "setVariable"));
    attacks.add(bpmn("timer", "<bpmn:intermediateCatchEvent id='Event_Timer'><bpmn:timerEventDefinition><bpmn:timeDate xsi:type='bpmn:tFormalExpression'>${execution.processEngine.name}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>", "Event_Timer", "processEngine"));
    attacks.add(bpmn("candidate users", "<bpmn:userTask id='Task_Candidates' camunda:candidateUsers='${identityService.createUserQuery().list()}'/>", "Task_Candidates", "identityService"));
    attacks.add(bpmn("due date", "<bpmn:userTask id='Task_Due' camunda:dueDate='${managementService.toString()}'/>", "Task_Due", "managementService"));
    attacks.add(bpmn("call activity in-mapping", "<bpmn:callActivity id='Task_Call' calledElement='AttendanceCase'><bpmn:extensionElements><camunda:in sourceExpression='${execution.getProcessEngine()}' target='x'/></bpmn:extensionElements></bpmn:callActivity>", "Task_Call", "getProcessEngine"));
    attacks.add(bpmn("multi-instance collection", "<bpmn:userTask id='Task_Each'><bpmn:multiInstanceLoopCharacteristics camunda:collection='${repositoryService.createDeploymentQuery().list()}'/></bpmn:userTask>", "Task_Each", "repositoryService"));
    attacks.add(bpmn("input parameter", "<bpmn:userTask id='Task_Input'><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name='x'>${taskService.toString()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>", "Task_Input", "taskService"));
    attacks.add(bpmn("field injection", "<bpmn:serviceTask id='Task_Field' camunda:delegateExpression='${caseTaskRules}'><bpmn:extensionElements><camunda:field name='x'><camunda:expression>${historyService}</camunda:expression></camunda:field></bpmn:extensionElements></bpmn:serviceTask>", "Task_Field", "historyService"));
    attacks.add(bpmn("connector", "<bpmn:serviceTask id='Task_Http'><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>", "Task_Http", "connector"));
    attacks.add(bpmn("form field validator class", "<bpmn:userTask id='Task_Form'><bpmn:extensionElements><camunda:formData><camunda:formField id='Field_Secret' type='string'><camunda:validation><camunda:constraint name='validator' config='org.example.Validator'/></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>", "Field_Secret", "validator"));
    attacks.add(bpmn("embedded HTML form", "<bpmn:userTask id='Task_Html' camunda:formKey='embedded:deployment:evil.html'/>", "Task_Html", "embedded"));
    attacks.add(bpmn("the engine's other context objects", "<bpmn:serviceTask id='Task_Scope' camunda:expression='${variableScope.variables}'/>", "Task_Scope", "variableScope"));
    attacks.add(form("a form interpolating a typed value into Markdown", "{\"type\": \"text\", \"id\": \"Text_Context\", \"text\": \"Pupil: **{{pupilName}}**\"}", "Text_Context"));
    attacks.add(form("a form rendering a FEEL value as Markdown", "{\"type\": \"text\", \"id\": \"Text_Feel\", \"text\": \"=pupilName\"}", "Text_Feel"));
    attacks.add(form("a form interpolating into HTML", "{\"type\": \"html\", \"id\": \"Html_Context\", \"content\": \"<p>{{parentName}}</p>\"}", "Html_Context"));
    attacks.add(new Attack("an HTML page", "evil.html", "<script>fetch('/camunda/api/admin')</script>", "evil.html", "only BPMN"));
    attacks.add(new Attack("a script file", "evil.js", "alert(1)", "evil.js", "only BPMN"));
    attacks.add(dmn("JavaScript in a decision table", "<inputExpression id='Input_Js' typeRef='string' expressionLanguage='javascript'><text>1</text></inputExpression>", "Input_Js", "not FEEL"));
    attacks.add(dmn("JUEL (the engine's beans) in a decision table", "<inputExpression id='Input_Juel' typeRef='string' expressionLanguage='juel'><text>${identityService}</text></inputExpression>", "Input_Juel", "not FEEL"));
    attacks.add(dmn("FEEL calling a method of a Java object", "<inputExpression id='Input_Call' typeRef='string'><text>pupilName.getClass()</text></inputExpression>", "Input_Call", "method"));
    // walk 12 #23: a decision the code evaluates keeps its outputs, a UNIQUE table's rules do not overlap
    attacks.add(changed("a NationalThreshold whose thresholdMet is a string", "NationalThreshold",
        "name=\"thresholdMet\" typeRef=\"boolean\"", "name=\"thresholdMet\" typeRef=\"string\"",
        "NationalThreshold", "this version has thresholdMet (string)"));
    attacks.add(changed("an AttendanceBand whose output is renamed", "AttendanceBand",
        "name=\"attendanceBand\"", "name=\"band\"", "AttendanceBand", "outputs attendanceBand (string)"));
    attacks.add(changed("a NationalThreshold whose UNIQUE rules overlap", "NationalThreshold",
        "<text>&gt;= 10</text>", "<text>&gt;= 5</text>", "NationalThreshold",
        "rules Rule_ThresholdMet and Rule_ThresholdNotMet both match {unauthorisedSessions=5}"));
    attacks.add(changed("an AttendanceBand whose UNIQUE rules overlap", "AttendanceBand",
        "<text>]50..90]</text>", "<text>[50..90]</text>", "AttendanceBand", "both match {attendancePercent=50.0}"));
    attacks.add(changed("a NationalThreshold that is met and then not", "NationalThreshold",
        "<text>&lt; 10</text>", "<text>&lt; 10, &gt; 20</text>", "NationalThreshold", "false again for [21, 22, 23]"));
    return attacks.stream();
  }

  /** One of the application's own decisions with {@code from} replaced by {@code to}. */
  static Attack changed(String name, String decision, String from, String to, String element, String says) {
    try {
      String xml = Files.readString(Path.of("bpmn", decision + ".dmn"), StandardCharsets.UTF_8);
      assertThat(xml).contains(from);
      xml = xml.replace(from, to);
      if (to.contains("&gt; 20")) {
        xml = xml.replace("<text>&gt;= 10</text>", "<text>[10..20]</text>");
      }
      return new Attack(name, decision + ".dmn", xml, element, says);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Attack bpmn(String name, String elements, String element, String says) {
    String xml =
        "<?xml version='1.0' encoding='UTF-8'?>"
            + "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL' xmlns:camunda='http://camunda.org/schema/1.0/bpmn'"
            + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' id='Definitions_Attack' targetNamespace='http://example.org'>"
            + "<bpmn:process id='Attack' isExecutable='true' camunda:historyTimeToLive='P1D'>" + elements + "</bpmn:process>"
            + "</bpmn:definitions>";
    return new Attack(name, "Attack.bpmn", xml, element, says);
  }

  static Attack form(String name, String component, String element) {
    String json = "{\"schemaVersion\": 16, \"type\": \"default\", \"id\": \"Form_Attack\", \"components\": [" + component + "]}";
    return new Attack(name, "attack.form", json, element, "disabled field");
  }

  static Attack dmn(String name, String inputExpression, String element, String says) {
    String xml =
        "<?xml version='1.0' encoding='UTF-8'?>"
            + "<definitions xmlns='https://www.omg.org/spec/DMN/20191111/MODEL/' xmlns:camunda='http://camunda.org/schema/1.0/dmn' id='Definitions_Attack' name='Attack' namespace='http://example.org'>"
            + "<decision id='Decision_Attack' name='Attack' camunda:historyTimeToLive='P1D'><decisionTable id='Table_Attack'>"
            + "<input id='Input_1'>" + inputExpression + "</input>"
            + "<output id='Output_1' name='result' typeRef='string'/>"
            + "<rule id='Rule_1'><inputEntry id='Entry_1'><text>-</text></inputEntry><outputEntry id='Out_1'><text>\"x\"</text></outputEntry></rule>"
            + "</decisionTable></decision></definitions>";
    return new Attack(name, "Attack.dmn", xml, element, says);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusesAModelThatWouldRunCodeOrReachTheEngine(Attack attack) {
    long deployments = repositoryService.createDeploymentQuery().count();
    for (String user : List.of("analyst", "demo")) {
      ResponseEntity<String> answer = deploy(user, attack.file(), attack.content());
      assertThat(answer.getStatusCode()).as(user + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(user).contains(attack.file()).contains(attack.element()).contains(attack.says());
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(identityService.createUserQuery().userId("analyst").memberOfGroup("camunda-admin").count()).isZero();
  }

  @Test
  void deploysAModelThatUsesTheApplicationsBeansVariablesAndDateHelpers() {
    ResponseEntity<String> answer =
        deploy(
            "analyst",
            "Allowed.bpmn",
            bpmn(
                    "allowed",
                    "<bpmn:startEvent id='Event_Start'/>"
                        + "<bpmn:sequenceFlow id='Flow_1' sourceRef='Event_Start' targetRef='Task_Rules'/>"
                        + "<bpmn:serviceTask id='Task_Rules' camunda:delegateExpression='${caseTaskRules}'/>"
                        + "<bpmn:sequenceFlow id='Flow_2' sourceRef='Task_Rules' targetRef='Task_School'/>"
                        + "<bpmn:userTask id='Task_School' camunda:candidateGroups='school-${schoolUrn}'"
                        + " camunda:candidateUsers='${caseAssignment.schoolUsers(schoolUrn)}'"
                        + " camunda:dueDate='${dateTime().plusDays(3).toDate()}' camunda:followUpDate='${now()}'>"
                        + "<bpmn:multiInstanceLoopCharacteristics camunda:collection='${S(parents).elements()}' camunda:elementVariable='parent'/></bpmn:userTask>"
                        + "<bpmn:sequenceFlow id='Flow_3' sourceRef='Task_School' targetRef='Event_End'>"
                        + "<bpmn:conditionExpression xsi:type='bpmn:tFormalExpression'>${level &gt;= 2 &amp;&amp; !empty execution.processBusinessKey &amp;&amp; caseReviews.furtherReviewAllowed(execution)}</bpmn:conditionExpression></bpmn:sequenceFlow>"
                        + "<bpmn:endEvent id='Event_End'/>",
                    "",
                    "")
                .content()
                .replace("id='Attack'", "id='AllowedProbe'"));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    repositoryService.deleteDeployment(id(answer), true);
  }

  @Test
  void everyTestModelPassesTheGuard() throws IOException {
    List<Path> models;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn") || f.toString().endsWith(".form")).toList();
    }
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      guard.check(model.getFileName().toString(), Files.readAllBytes(model));
    }
  }

  private static String id(ResponseEntity<String> answer) {
    try {
      return AuthorizationTest.JSON.readTree(answer.getBody()).get("id").asText();
    } catch (IOException e) {
      throw new AssertionError(answer.getBody(), e);
    }
  }

  private ResponseEntity<String> deploy(String user, String file, String content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "guard-probe");
    form.add(
        file,
        new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return file;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.AUTHORIZATION, basic(user, user));
    return rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }
}
