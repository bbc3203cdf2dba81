package uk.schoolattendance.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.court.CourtProceedingsRepository;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The Parental Responsibility Measures census from the system's own records: the penalty
 * notice register, the court proceedings, and the engine's history of {@code AttendanceCase}
 * (cases opened; {@code contractAgreed} set to true).
 */
@Service
public class ParentalResponsibilityMeasures {

  static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final int PAGE = 500;

  private final PenaltyNoticeRegister register;
  private final CourtProceedingsRepository court;
  private final HistoryService history;
  private final PenaltyNoticeProperties properties;
  private final ZoneId zone;

  public ParentalResponsibilityMeasures(
      PenaltyNoticeRegister register, CourtProceedingsRepository court, HistoryService history,
      PenaltyNoticeProperties properties, SchoolCalendar calendar) {
    this.register = register;
    this.court = court;
    this.history = history;
    this.properties = properties;
    this.zone = calendar.properties().zone();
  }

  /** The first day (1 September) of an academic year written {@code 2026-27}; 400 otherwise. */
  public static LocalDate firstDay(String academicYear) {
    Matcher m = academicYear == null ? null : ACADEMIC_YEAR.matcher(academicYear);
    if (m == null || !m.matches()) {
      throw new InvalidInputException("academicYear", "must be an academic year like 2026-27");
    }
    int start = Integer.parseInt(m.group(1));
    if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
      throw new InvalidInputException("academicYear", "must name two consecutive years, like 2026-27");
    }
    return LocalDate.of(start, 9, 1);
  }

  public CensusFigures forYear(String academicYear) {
    LocalDate from = firstDay(academicYear);
    LocalDate to = from.plusYears(1).minusDays(1);
    long holiday = 0, late = 0, other = 0, within21 = 0, within28 = 0, withdrawn = 0;
    for (PenaltyNoticeEntry n : register.issuedBetween(from, to)) {
      switch (n.noticeReason()) {
        case PenaltyNotice.HOLIDAY -> holiday++;
        case PenaltyNotice.LATE -> late++;
        default -> other++;
      }
      if (n.paidOn() != null) {
        if (!n.paidOn().isAfter(n.deemedReceivedOn().plusDays(properties.reducedPeriodDays()))) {
          within21++;
        } else {
          within28++;
        }
      }
      if (PenaltyNoticeEntry.WITHDRAWN.equals(n.status())) {
        withdrawn++;
      }
    }
    Map<String, Long> outcomes = court.outcomesRecordedBetween(from, to);
    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    long cases =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
            .startedAfter(start).startedBefore(end).count();
    return new CensusFigures(
        academicYear, from, to, holiday, late, other, within21, within28, withdrawn,
        register.countProsecutedBetween(from, to), cases, contractsAgreed(start, end),
        outcomes.getOrDefault("parenting-order", 0L), outcomes.getOrDefault("education-supervision-order", 0L));
  }

  /** Attendance cases whose {@code contractAgreed} was set to true in the period. */
  private long contractsAgreed(Date start, Date end) {
    Set<String> cases = new HashSet<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricVariableInstance> page =
          history.createHistoricVariableInstanceQuery().processDefinitionKey(AttendanceCase.KEY)
              .variableValueEquals(AttendanceCase.CONTRACT_AGREED.name(), true).orderByProcessInstanceId().asc().listPage(first, PAGE);
      for (HistoricVariableInstance variable : page) {
        Date created = variable.getCreateTime();
        if (created != null && !created.before(start) && created.before(end)) {
          cases.add(variable.getProcessInstanceId());
        }
      }
      if (page.size() < PAGE) {
        return cases.size();
      }
    }
  }
}
