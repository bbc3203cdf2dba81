package uk.schoolattendance.court;

import static uk.schoolattendance.court.CourtProceedings.CASE_REFERENCE;
import static uk.schoolattendance.court.CourtProceedings.CHRONOLOGY;
import static uk.schoolattendance.court.CourtProceedings.EVIDENCE_LIST;
import static uk.schoolattendance.court.CourtProceedings.NOTICE_NUMBER;
import static uk.schoolattendance.court.CourtProceedings.WITNESS_STATEMENT;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casework.CaseAssignment;
import uk.schoolattendance.process.EvidenceDocuments;
import uk.schoolattendance.process.OffenceSessions;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Build the case file" (asynchronous): chronology, witness statement and evidence list as
 * process variables for the officer to check. It only reads and writes variables, so running it
 * again gives the same file.
 */
@Component("buildCourtCaseFile")
public class BuildCourtCaseFile implements JavaDelegate {

  private final CaseFileBuilder caseFile;
  private final SchoolCalendar dates;
  private final EvidenceDocuments documents;
  private final OffenceSessions sessions;
  private final CaseAssignment assignment;
  private final SchoolDirectory schools;

  public BuildCourtCaseFile(
      CaseFileBuilder caseFile, SchoolCalendar dates, EvidenceDocuments documents, OffenceSessions sessions,
      CaseAssignment assignment, SchoolDirectory schools) {
    this.caseFile = caseFile;
    this.dates = dates;
    this.documents = documents;
    this.sessions = sessions;
    this.assignment = assignment;
    this.schools = schools;
  }

  /** The person's name as the identity store has it ("Olivia Okafor"); null when it has none. */
  private static String nameOf(IdentityService identity, String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return null;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName().strip()) + " "
        + (user.getLastName() == null ? "" : user.getLastName().strip())).strip();
    return name.isEmpty() ? null : name;
  }

  /**
   * The case's officer by name, who makes the statement: the officer the case was given, else the
   * school's named officer; null when there is none or the identity store has no name for them.
   */
  private String officerName(DelegateExecution execution, IdentityService identity) {
    String urn = CourtProceedings.SCHOOL_URN.get(execution);
    List<String> officers = schools.isKnown(urn) ? assignment.namedOfficer(urn, execution) : List.of();
    return officers.isEmpty() ? null : nameOf(identity, officers.get(0));
  }

  /** The parents this prosecution concerns ({@code parentIds}, set at its start). */
  private static java.util.Set<String> parentIds(DelegateExecution execution) {
    String ids = CourtProceedings.PARENT_IDS.get(execution);
    return ids == null || ids.isBlank() ? java.util.Set.of() : java.util.Set.of(ids.split(",\\s*"));
  }

  @Override
  public void execute(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<HistoricProcessInstance> processes =
        caseFile.concerning(
            history,
            caseFile.processesOf(history, CASE_REFERENCE.get(execution), execution.getProcessInstanceId()),
            parentIds(execution));
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    CHRONOLOGY.set(execution, caseFile.chronology(history, processes, dates.properties().zone(),
        userId -> Optional.ofNullable(nameOf(identity, userId)).orElse(userId)));
    // the registration certificate of the offence period, generated from the marks once and kept
    Optional<EvidenceDocuments.Document> certificate =
        documents.registrationCertificate(
            EvidenceDocuments.courtProceedings(execution.getProcessInstanceId()),
            CourtProceedings.PUPIL_UPN.get(execution),
            CourtProceedings.OFFENCE_FROM.get(execution),
            CourtProceedings.OFFENCE_TO.get(execution));
    certificate.ifPresent(document -> {
      CourtProceedings.REGISTRATION_CERTIFICATE_ID.set(execution, document.id());
      CourtProceedings.REGISTRATION_CERTIFICATE_TITLE.set(execution, document.title());
    });
    EVIDENCE_LIST.set(
        execution,
        caseFile.evidenceList(
            history, processes, NOTICE_NUMBER.get(execution), false, dates.properties().zone(),
            certificate.map(EvidenceDocuments.Document::title).orElse(null)));
    WITNESS_STATEMENT.set(
        execution,
        caseFile.witnessStatement(
            new CaseFileBuilder.Statement(
                CourtProceedings.PUPIL_NAME.get(execution),
                CourtProceedings.PUPIL_UPN.get(execution),
                CourtProceedings.SCHOOL_URN.get(execution),
                CourtProceedings.PARENT_NAMES.get(execution),
                CourtProceedings.OFFENCE_FROM.get(execution),
                CourtProceedings.OFFENCE_TO.get(execution),
                // the offence period's sessions from the marks, not the case's last 10 school weeks; none without marks
                sessions.unauthorisedSessions(
                        CourtProceedings.PUPIL_UPN.get(execution), CourtProceedings.OFFENCE_FROM.get(execution),
                        CourtProceedings.OFFENCE_TO.get(execution))
                    .orElse(null),
                CourtProceedings.PROCEEDINGS_TYPE.get(execution),
                NOTICE_NUMBER.get(execution),
                officerName(execution, identity))));
  }
}
