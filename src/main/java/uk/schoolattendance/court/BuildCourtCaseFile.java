package uk.schoolattendance.court;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.NoticeDates;

/**
 * "Build the case file" (asynchronous): chronology, witness statement and evidence list as
 * process variables for the officer to check. It only reads and writes variables, so running it
 * again gives the same file.
 */
@Component("buildCourtCaseFile")
public class BuildCourtCaseFile implements JavaDelegate {

  private final CaseFileBuilder caseFile;
  private final NoticeDates dates;

  public BuildCourtCaseFile(CaseFileBuilder caseFile, NoticeDates dates) {
    this.caseFile = caseFile;
    this.dates = dates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<HistoricProcessInstance> processes =
        caseFile.processesOf(history, (String) execution.getVariable("caseReference"), execution.getProcessInstanceId());
    execution.setVariable("chronology", caseFile.chronology(history, processes, dates.zone()));
    execution.setVariable(
        "evidenceList", caseFile.evidenceList(history, processes, (String) execution.getVariable("noticeNumber"), false));
    execution.setVariable("witnessStatement", caseFile.witnessStatement(execution.getVariables(), dates.zone()));
  }
}
