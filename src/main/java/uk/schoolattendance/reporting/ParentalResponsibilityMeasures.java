package uk.schoolattendance.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.court.CourtProceedingsRepository;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.NoticeDates;
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
  private final NoticeDates dates;
  private final ZoneId zone;

  public ParentalResponsibilityMeasures(
      PenaltyNoticeRegister register, CourtProceedingsRepository court, HistoryService history,
      NoticeDates dates, SchoolCalendar calendar) {
    this.register = register;
    this.court = court;
    this.history = history;
    this.dates = dates;
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

  /**
   * The census's measures that count penalty notices issued in the year, each with the notices it
   * counts: the census's figure is the number of them, and a page can list them.
   */
  public static final List<String> NOTICE_MEASURES =
      List.of("penaltyNoticesIssued", "penaltyNoticesIssuedHoliday", "penaltyNoticesIssuedLate", "penaltyNoticesIssuedOther",
          "penaltyNoticesPaidWithin21Days", "penaltyNoticesPaidWithin28Days", "penaltyNoticesWithdrawn");

  /** The notices issued in the academic year that the measure (one of {@link #NOTICE_MEASURES}) counts. */
  public List<PenaltyNoticeEntry> noticesCounted(String measure, String academicYear) {
    LocalDate from = firstDay(academicYear);
    Predicate<PenaltyNoticeEntry> counted = noticeMeasure(measure);
    return register.issuedBetween(from, from.plusYears(1).minusDays(1)).stream().filter(counted).toList();
  }

  private Predicate<PenaltyNoticeEntry> noticeMeasure(String measure) {
    return switch (measure) {
      case "penaltyNoticesIssued" -> n -> true;
      case "penaltyNoticesIssuedHoliday" -> n -> PenaltyNotice.HOLIDAY.equals(n.noticeReason());
      case "penaltyNoticesIssuedLate" -> n -> PenaltyNotice.LATE.equals(n.noticeReason());
      case "penaltyNoticesIssuedOther" ->
          n -> !PenaltyNotice.HOLIDAY.equals(n.noticeReason()) && !PenaltyNotice.LATE.equals(n.noticeReason());
      // "within 21 days": the period of 21 days beginning with the day of receipt (SI 2007/1867 reg 4)
      case "penaltyNoticesPaidWithin21Days" -> n -> paid(n) && !n.paidOn().isAfter(dates.reducedDeadline(dates.receivedOn(n)));
      // "within 28 days" beyond the 21: day 22 to day 28, so a payment after the payment period is in neither
      case "penaltyNoticesPaidWithin28Days" -> n -> paid(n) && n.paidOn().isAfter(dates.reducedDeadline(dates.receivedOn(n)))
          && !n.paidOn().isAfter(dates.finalDeadline(dates.receivedOn(n)));
      case "penaltyNoticesWithdrawn" -> n -> PenaltyNoticeEntry.WITHDRAWN.equals(n.status());
      default -> throw new InvalidInputException("measure", "must be one of " + String.join(", ", NOTICE_MEASURES));
    };
  }

  /**
   * A notice counted as issued is counted as paid too when it was: the authority's own and those
   * someone else issued alike (walk 12, #5: a head teacher's paid notice was issued but never paid).
   */
  private static boolean paid(PenaltyNoticeEntry n) {
    return n.paidOn() != null && n.issuedOn() != null;
  }

  public CensusFigures forYear(String academicYear) {
    LocalDate from = firstDay(academicYear);
    LocalDate to = from.plusYears(1).minusDays(1);
    List<PenaltyNoticeEntry> issued = register.issuedBetween(from, to);
    Map<String, Long> counts = new java.util.HashMap<>();
    for (String measure : NOTICE_MEASURES) {
      counts.put(measure, issued.stream().filter(noticeMeasure(measure)).count());
    }
    long holiday = counts.get("penaltyNoticesIssuedHoliday");
    long late = counts.get("penaltyNoticesIssuedLate");
    long other = counts.get("penaltyNoticesIssuedOther");
    long within21 = counts.get("penaltyNoticesPaidWithin21Days");
    long within28 = counts.get("penaltyNoticesPaidWithin28Days");
    long withdrawn = counts.get("penaltyNoticesWithdrawn");
    Map<String, Long> outcomes = court.outcomesRecordedBetween(from, to);
    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    long cases = casesEnteringCaseManagement(start, end);
    return new CensusFigures(
        academicYear, from, to, holiday, late, other, within21, within28, withdrawn,
        register.countProsecutedBetween(from, to), cases, contractsAgreed(start, end),
        court.parentingOrdersRecordedBetween(from, to), outcomes.getOrDefault("education-supervision-order", 0L));
  }

  /**
   * Cases that entered the formal, time-bound legal process (the LA's fast-track / legal
   * intervention stage) for the first time in the period: the Pupil Planning Meeting, or penalty
   * notices prepared straight from a term-time leave case. Not every case opened: most never get
   * there (the census's "cases entering attendance case management").
   */
  private long casesEnteringCaseManagement(Date start, Date end) {
    Map<String, Date> firstEntry = new java.util.HashMap<>();
    for (String activity : FORMAL_ENTRY) {
      for (int first = 0; ; first += PAGE) {
        List<org.camunda.bpm.engine.history.HistoricActivityInstance> page =
            history.createHistoricActivityInstanceQuery().activityId(activity).startedBefore(end)
                .orderByHistoricActivityInstanceId().asc().listPage(first, PAGE);
        for (org.camunda.bpm.engine.history.HistoricActivityInstance entered : page) {
          firstEntry.merge(entered.getProcessInstanceId(), entered.getStartTime(), (a, b) -> a.before(b) ? a : b);
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    return firstEntry.values().stream().filter(day -> !day.before(start)).count();
  }

  /** Where a case enters the legal process. */
  static final List<String> FORMAL_ENTRY =
      List.of(AttendanceCase.HOLD_PUPIL_PLANNING_MEETING.id(), AttendanceCase.PREPARE_PENALTY_NOTICES);

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
