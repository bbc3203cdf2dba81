package uk.schoolattendance.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.SchoolDays;

/**
 * A register CSV for the browser tests: each pupil's marks at one school on every school day from
 * 7 September 2026 to the day before {@code until}, unauthorised (O) both sessions every Monday and
 * present otherwise; the pupil's details on their first row. Its text is {@link #toString()}; the
 * datateam imports it with {@link #importedBy}, and {@link #identify} runs the identification the
 * import started.
 */
final class RegisterFile {

  /** The pupil columns of most tests' files. */
  static final String PUPIL_COLUMNS = "forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address";

  private final SchoolDays days;
  private final String urn;
  private final LocalDate until;
  private final StringBuilder csv;

  RegisterFile(SchoolDays days, String urn, LocalDate until) {
    this(days, urn, until, PUPIL_COLUMNS);
  }

  RegisterFile(SchoolDays days, String urn, LocalDate until, String pupilColumns) {
    this.days = days;
    this.urn = urn;
    this.until = until;
    this.csv = new StringBuilder("upn,urn,date,session,code,").append(pupilColumns).append('\n');
  }

  /** A pupil born 3 February 2015 in year 6, with one parent, Pat {@code surname}, at 9 Mill Lane. */
  RegisterFile pupil(String upn, String forename, String surname) {
    return pupil(upn, forename + "," + surname + ",2015-02-03,6,Pat " + surname + ",\"9 Mill Lane, Hilltown HT1 2BB\"");
  }

  /** A pupil whose first row carries {@code details}, the values of the pupil columns. */
  RegisterFile pupil(String upn, String details) {
    boolean first = true;
    for (LocalDate day = LocalDate.of(2026, 9, 7); day.isBefore(until); day = day.plusDays(1)) {
      if (days.isSchoolDay(day)) {
        String code = day.getDayOfWeek().getValue() == 1 ? "O" : "/";
        csv.append(upn).append(',').append(urn).append(',').append(day).append(",AM,").append(code)
            .append(first ? "," + details : "")
            .append('\n');
        csv.append(upn).append(',').append(urn).append(',').append(day).append(",PM,").append(code.equals("O") ? "O" : "\\").append('\n');
        first = false;
      }
    }
    return this;
  }

  /** Imported by the datateam on {@code today}: the import's id. */
  int importedBy(MarkImporter importer, LocalDate today) {
    return importer.importFile(MarkImporter.Format.CSV,
        new ByteArrayInputStream(toString().getBytes(StandardCharsets.UTF_8)), null, "datateam", u -> true, today);
  }

  @Override
  public String toString() {
    return csv.toString();
  }

  /** Runs the jobs of the identification the import started (one process, keyed by the import). */
  static void identify(RuntimeService runtime, ManagementService management, int importId) {
    String identification = runtime.createProcessInstanceQuery().processInstanceBusinessKey("import-" + importId)
        .singleResult().getId();
    for (Job job : management.createJobQuery().processInstanceId(identification).list()) {
      management.executeJob(job.getId());
    }
  }

  /** Runs the jobs of the school's reviews the import started, if any. */
  static void runReviews(RuntimeService runtime, ManagementService management, int importId, String urn) {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey("review-" + importId + "-" + urn).list()
        .forEach(review -> management.createJobQuery().processInstanceId(review.getId()).list()
            .forEach(job -> management.executeJob(job.getId())));
  }
}
