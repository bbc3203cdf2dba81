package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolCalendar;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * "Find stale registers" ({@code registerFreshness}): a school's register is stale when no mark
 * has arrived for {@code attendance.stale-data.school-days} school days (its own
 * calendar, up to yesterday). Each stale school has one running {@link StaleRegisterData}
 * instance ({@code stale-{urn}}), its days kept current; when marks arrive again the instance
 * ends ({@code RegisterDataReceived}). Managers see the running instances in Cockpit.
 */
@Component("registerFreshness")
public class RegisterFreshness implements JavaDelegate {

  /** A school with no marks for too long. */
  public record StaleSchool(String urn, String name, LocalDate lastMarkOn, int schoolDaysWithoutMarks) {}

  private final JdbcTemplate jdbc;
  private final SchoolDirectory schools;
  private final RegisterCalendars calendars;
  private final SchoolCalendar calendar;
  private final StaleDataProperties properties;
  private final RuntimeService runtime;

  RegisterFreshness(JdbcTemplate jdbc, SchoolDirectory schools, RegisterCalendars calendars, SchoolCalendar calendar,
      StaleDataProperties properties, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.schools = schools;
    this.calendars = calendars;
    this.calendar = calendar;
    this.properties = properties;
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    update(calendar.today());
  }

  /** The schools whose register is stale as of {@code today}. */
  public List<StaleSchool> stale(LocalDate today) {
    List<StaleSchool> stale = new ArrayList<>();
    for (School school : schools.all()) {
      LocalDate last = jdbc.queryForObject(
          "SELECT MAX(m.mark_date) FROM att_enrolment e JOIN att_mark m ON m.pupil_id = e.pupil_id"
              + " AND m.school_urn = e.school_urn WHERE e.school_urn = ? AND m.mark_date < ?",
          (rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(),
          Integer.parseInt(school.urn()), Date.valueOf(today));
      int missed = schoolDaysBetween(school.urn(), last, today);
      if (missed >= properties.schoolDays()) {
        stale.add(new StaleSchool(school.urn(), school.name(), last, missed));
      }
    }
    return stale;
  }

  /** Starts, updates or ends each school's {@link StaleRegisterData} instance as of {@code today}. */
  public void update(LocalDate today) {
    Map<String, StaleSchool> stale = new HashMap<>();
    stale(today).forEach(s -> stale.put(s.urn(), s));
    for (School school : schools.all()) {
      ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(StaleRegisterData.KEY)
          .processInstanceBusinessKey(StaleRegisterData.businessKey(school.urn())).singleResult();
      StaleSchool s = stale.get(school.urn());
      if (s == null && running != null) {
        runtime.createMessageCorrelation(StaleRegisterData.REGISTER_DATA_RECEIVED.name())
            .processInstanceId(running.getId()).correlate();
      } else if (s != null && running == null) {
        Map<String, Object> variables = new HashMap<>();
        StaleRegisterData.SCHOOL_URN.put(variables, s.urn());
        StaleRegisterData.SCHOOL_NAME.put(variables, s.name());
        StaleRegisterData.LAST_MARK_ON.put(variables, s.lastMarkOn() == null ? "none" : s.lastMarkOn().toString());
        StaleRegisterData.SCHOOL_DAYS_WITHOUT_MARKS.put(variables, s.schoolDaysWithoutMarks());
        runtime.startProcessInstanceByKey(StaleRegisterData.KEY, StaleRegisterData.businessKey(s.urn()), variables);
      } else if (s != null) {
        runtime.setVariable(running.getId(), StaleRegisterData.SCHOOL_DAYS_WITHOUT_MARKS.name(), s.schoolDaysWithoutMarks());
      }
    }
  }

  /** School days after {@code last} and before {@code today} (since the year began when no mark ever came). */
  private int schoolDaysBetween(String urn, LocalDate last, LocalDate today) {
    SchoolDays days = calendars.of(Integer.parseInt(urn));
    LocalDate from = last == null ? SchoolDays.academicYearStart(today).minusDays(1) : last;
    int count = 0;
    for (LocalDate day = from.plusDays(1); day.isBefore(today); day = day.plusDays(1)) {
      if (days.covers(day) && days.isSchoolDay(day)) {
        count++;
      }
    }
    return count;
  }
}
