package uk.schoolattendance.casework;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.process.InvalidInputException;

/**
 * One open attendance case per pupil (issue #12 item 15): a pupil with an open case gets no
 * second one, whatever the way in (Tasklist's start form, the engine REST API, {@code POST
 * /api/cases}, the Java API, cases opened after an import, which skip such a pupil). The start
 * is refused with the open case's reference and nothing is created. A sibling is another pupil
 * (another UPN) with a case of their own.
 *
 * <p>The guarantee is the database's: the case's start inserts the pupil's row into {@code
 * ac_open_case} (Flyway V190, primary key the UPN) in its own transaction, so of two starts at once
 * on one node or two, one commits and the other is refused. The row goes when the case ends
 * ({@code ${openCaseOfPupil}}, the process's end listener). A row left by a case that ended
 * without its listeners (an administrator's deletion skipping them) is found stale at the next
 * start and replaced.
 */
@Component("openCaseOfPupil")
public class OpenCaseOfPupil implements ExecutionListener {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  public OpenCaseOfPupil(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    // inside the engine's transaction: a refused insert rolls back to a savepoint only, so the
    // transaction goes on to read the open case (PostgreSQL refuses every statement after an error)
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Records the case as the pupil's open case, or refuses it naming the pupil's open case. */
  void open(DelegateExecution execution, String upn, String caseReference) {
    String instance = execution.getProcessInstanceId();
    if (insert(upn, caseReference, instance)) {
      return;
    }
    List<String[]> open = jdbc.query(
        "SELECT case_reference, process_instance_id FROM ac_open_case WHERE pupil_upn = ?",
        (row, n) -> new String[] {row.getString(1), row.getString(2)}, upn);
    if (!open.isEmpty() && isRunning(execution, open.get(0)[1])) {
      throw new InvalidInputException(
          AttendanceCase.PUPIL_UPN.name(),
          "pupil " + upn + " already has an open case, " + open.get(0)[0]
              + ": work on that case (a brother or sister is another pupil, with a case of their own); nothing was started");
    }
    jdbc.update("DELETE FROM ac_open_case WHERE pupil_upn = ?", upn);
    if (!insert(upn, caseReference, instance)) {
      throw new InvalidInputException(
          AttendanceCase.PUPIL_UPN.name(), "pupil " + upn + " had another case opened at this moment; nothing was started");
    }
  }

  /** The case ended (closed, improved, concluded or deleted): the pupil may have a new one. */
  @Override
  public void notify(DelegateExecution execution) {
    jdbc.update("DELETE FROM ac_open_case WHERE process_instance_id = ?", execution.getProcessInstanceId());
  }

  private boolean insert(String upn, String caseReference, String instance) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO ac_open_case (pupil_upn, case_reference, process_instance_id) VALUES (?, ?, ?)",
          upn, caseReference, instance));
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  private static boolean isRunning(DelegateExecution execution, String processInstanceId) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() > 0;
  }
}
