package uk.schoolattendance.court;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.schoolattendance.engine.EngineClock;

/** {@code court_proceedings}: each set of proceedings, its hearing and its outcome. */
@Repository
public class CourtProceedingsRepository {

  private final JdbcTemplate jdbc;

  public CourtProceedingsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the record of these proceedings unless it exists (a repeated start step). */
  public void insertIfAbsent(CourtProceedingsRecord r) {
    if (find(r.processInstanceId()).isPresent()) {
      return;
    }
    jdbc.update(
        "INSERT INTO court_proceedings (process_instance_id, case_reference, notice_number, pupil_upn, pupil_name,"
            + " school_urn, parent_ids, proceedings_type, information_deadline, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.processInstanceId(), r.caseReference(), r.noticeNumber(), r.pupilUpn(), r.pupilName(), r.schoolUrn(),
        r.parentIds(), r.proceedingsType(), date(r.informationDeadline()),
        new Timestamp(EngineClock.now().getTime()));
  }

  public Optional<CourtProceedingsRecord> find(String processInstanceId) {
    return jdbc.query("SELECT * FROM court_proceedings WHERE process_instance_id = ?", ROW, processInstanceId)
        .stream()
        .findFirst();
  }

  public void recordPreparation(String processInstanceId, String offenceSection, LocalDate hearingDate) {
    jdbc.update(
        "UPDATE court_proceedings SET offence_section = ?, hearing_date = ? WHERE process_instance_id = ?",
        offenceSection, date(hearingDate), processInstanceId);
  }

  public void recordHearingDate(String processInstanceId, LocalDate hearingDate) {
    jdbc.update(
        "UPDATE court_proceedings SET hearing_date = ? WHERE process_instance_id = ?", date(hearingDate), processInstanceId);
  }

  /** The outcome with the prosecutor's costs awarded to the authority (V565; null when not recorded). */
  public void recordOutcome(String processInstanceId, String outcome, BigDecimal fine, BigDecimal costsAwarded,
      Integer orderMonths, LocalDate orderEndsOn, LocalDate on) {
    jdbc.update(
        "UPDATE court_proceedings SET court_outcome = ?, fine_amount = ?, costs_awarded = ?, order_months = ?, order_ends_on = ?,"
            + " outcome_recorded_on = ? WHERE process_instance_id = ?",
        outcome, fine, costsAwarded, orderMonths, date(orderEndsOn), date(on), processInstanceId);
  }

  public void recordReportedToSchool(String processInstanceId, LocalDate on) {
    jdbc.update(
        "UPDATE court_proceedings SET reported_to_school_on = ? WHERE process_instance_id = ? AND reported_to_school_on IS NULL",
        date(on), processInstanceId);
  }

  /** What followed the outcome (V201): a parenting order with a conviction, a s447 direction and its decision, the school's acknowledgement. */
  public record FollowUp(
      Integer parentingOrderMonths,
      LocalDate parentingOrderEndsOn,
      Boolean supervisionOrderDirected,
      LocalDate supervisionOrderDecisionDue,
      String supervisionOrderDecision,
      String supervisionOrderReasons,
      LocalDate supervisionOrderDecidedOn,
      LocalDate acknowledgedBySchoolOn) {}

  /** The parenting order (alone or with a fine or a conditional discharge) and a s447 direction, with the outcome. */
  public void recordOrdersAndDirection(
      String processInstanceId, Integer parentingOrderMonths, LocalDate parentingOrderEndsOn, boolean supervisionOrderDirected,
      LocalDate decisionDue) {
    jdbc.update(
        "UPDATE court_proceedings SET parenting_order_months = ?, parenting_order_ends_on = ?, eso_directed = ?,"
            + " eso_decision_due = ? WHERE process_instance_id = ?",
        parentingOrderMonths, date(parentingOrderEndsOn), supervisionOrderDirected, date(decisionDue), processInstanceId);
  }

  /** The authority's decision on a s447 direction, with its reasons. */
  public void recordSupervisionOrderDecision(String processInstanceId, String decision, String reasons, LocalDate on) {
    jdbc.update(
        "UPDATE court_proceedings SET eso_decision = ?, eso_decision_reasons = ?, eso_decided_on = ? WHERE process_instance_id = ?",
        decision, reasons, date(on), processInstanceId);
  }

  public void recordAcknowledgedBySchool(String processInstanceId, LocalDate on) {
    jdbc.update(
        "UPDATE court_proceedings SET acknowledged_by_school_on = ? WHERE process_instance_id = ? AND acknowledged_by_school_on IS NULL",
        date(on), processInstanceId);
  }

  public Optional<FollowUp> followUp(String processInstanceId) {
    return jdbc.query(
            "SELECT parenting_order_months, parenting_order_ends_on, eso_directed, eso_decision_due, eso_decision,"
                + " eso_decision_reasons, eso_decided_on, acknowledged_by_school_on FROM court_proceedings"
                + " WHERE process_instance_id = ?",
            (rs, n) -> {
              Object months = rs.getObject("parenting_order_months");
              Object directed = rs.getObject("eso_directed");
              return new FollowUp(
                  months == null ? null : ((Number) months).intValue(), day(rs, "parenting_order_ends_on"),
                  directed == null ? null : rs.getBoolean("eso_directed"), day(rs, "eso_decision_due"),
                  rs.getString("eso_decision"), rs.getString("eso_decision_reasons"), day(rs, "eso_decided_on"),
                  day(rs, "acknowledged_by_school_on"));
            },
            processInstanceId)
        .stream().findFirst();
  }

  /** Parenting orders made in a period, alone or with a fine or a conditional discharge, for the census. */
  public long parentingOrdersRecordedBetween(LocalDate from, LocalDate to) {
    Long n = jdbc.queryForObject(
        "SELECT COUNT(*) FROM court_proceedings WHERE outcome_recorded_on >= ? AND outcome_recorded_on <= ?"
            + " AND (court_outcome = 'parenting-order' OR parenting_order_months IS NOT NULL)",
        Long.class, date(from), date(to));
    return n == null ? 0 : n;
  }

  /** Outcomes recorded in a period (both ends included), by outcome, for the census. */
  public Map<String, Long> outcomesRecordedBetween(LocalDate from, LocalDate to) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query(
        "SELECT court_outcome, COUNT(*) AS n FROM court_proceedings WHERE outcome_recorded_on >= ?"
            + " AND outcome_recorded_on <= ? GROUP BY court_outcome",
        rs -> {
          counts.put(rs.getString("court_outcome"), rs.getLong("n"));
        },
        date(from), date(to));
    return counts;
  }

  public List<CourtProceedingsRecord> forCase(String caseReference) {
    return jdbc.query("SELECT * FROM court_proceedings WHERE case_reference = ?", ROW, caseReference);
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private static final RowMapper<CourtProceedingsRecord> ROW =
      (rs, row) -> {
        Object months = rs.getObject("order_months");
        return new CourtProceedingsRecord(
            rs.getString("process_instance_id"),
            rs.getString("case_reference"),
            rs.getString("notice_number"),
            rs.getString("pupil_upn"),
            rs.getString("pupil_name"),
            rs.getString("school_urn"),
            rs.getString("parent_ids"),
            rs.getString("proceedings_type"),
            rs.getString("offence_section"),
            day(rs, "information_deadline"),
            day(rs, "hearing_date"),
            rs.getString("court_outcome"),
            rs.getBigDecimal("fine_amount"),
            months == null ? null : ((Number) months).intValue(),
            day(rs, "order_ends_on"),
            day(rs, "outcome_recorded_on"),
            day(rs, "reported_to_school_on"));
      };
}
