package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.CaseFixtures.clockAt;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * AttendanceCase as an earlier commit deployed it, with one of its forms ({@code formRefBinding="deployment"}
 * keeps that form for the cases started on it): both are kept under {@code previous/<commit>/}. The tests
 * of cases waiting on an earlier definition deploy it before each test and remove it after.
 */
final class PreviousForms {

  private PreviousForms() {
  }

  /** Deploys {@code previous/<commit>/AttendanceCase.bpmn} with {@code previous/<commit>/<form>}, the clock at 15 October 2025. */
  static String deploy(ProcessEngine processEngine, String commit, String name, String form) throws IOException {
    BpmnAwareTests.init(processEngine);
    clockAt(2025, 10, 15, 10);
    try (InputStream bpmn = resource(commit, "AttendanceCase.bpmn"); InputStream formFile = resource(commit, form)) {
      return processEngine.getRepositoryService().createDeployment().name(name)
          .addInputStream("bpmn/AttendanceCase.bpmn", bpmn).addInputStream("forms/" + form, formFile)
          .deploy().getId();
    }
  }

  /** Removes the deployment with the cases started on it. */
  static void remove(ProcessEngine processEngine, String deployment) {
    processEngine.getRepositoryService().deleteDeployment(deployment, true);
  }

  private static InputStream resource(String commit, String name) {
    String path = "/previous/" + commit + "/" + name;
    return Objects.requireNonNull(PreviousForms.class.getResourceAsStream(path), () -> path + " is not on the test classpath");
  }
}
