package uk.schoolattendance.casework;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Start variables and clock settings shared by the process tests. */
public final class CaseFixtures {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** A valid UPN (check letter H by the DfE rule). */
  public static final String UPN = "H801200001001";
  /** The pupils of {@link #startVariables()}: each case a pupil of its own (one open case per pupil). */
  private static final java.util.concurrent.atomic.AtomicLong PUPILS = new java.util.concurrent.atomic.AtomicLong(805_000_000_000L);
  public static final String TRADED_SCHOOL = "100001";
  public static final String UNIVERSAL_SCHOOL = "100002";

  private CaseFixtures() {}

  public static TypedValue twoParents() {
    return SpinValues.jsonValue(
            "[{\"id\":\"P1\",\"name\":\"Alex Parent\",\"address\":\"1 High Street, Southend SS1 1AA\"},"
                + "{\"id\":\"P2\",\"name\":\"Jo Parent\",\"address\":\"5 Low Road, Southend SS2 2BB\"}]")
        .create();
  }

  public static TypedValue oneParent() {
    return SpinValues.jsonValue("[{\"id\":\"P1\",\"name\":\"Alex Parent\",\"address\":\"1 High Street\"}]").create();
  }

  /** A support-first case at Level 1 of the universal demo school, 80 % attendance, 12 unauthorised sessions. */
  /** Sam Pupil's date of birth: of compulsory school age from 31 December 2020. */
  public static final String DATE_OF_BIRTH = "2015-11-20";
  /** An offence period in the autumn term 2025 (four school weeks, before the half term). */
  public static final String OFFENCE_FROM = "2025-09-15";
  public static final String OFFENCE_TO = "2025-10-10";

  /** A term-time leave case: the leave taken is its offence period. */
  public static Map<String, Object> termTimeLeave(Map<String, Object> vars, String from, String to) {
    return with(vars, AttendanceCase.ROUTE.name(), "term-time-leave", AttendanceCase.OFFENCE_FROM.name(), from,
        AttendanceCase.OFFENCE_TO.name(), to);
  }

  /** A valid UPN no other case of the test run has: a pupil has one open case at a time. */
  public static String newUpn() {
    return uk.schoolattendance.process.Upn.of(PUPILS.incrementAndGet());
  }

  /** The start of a case for a pupil of its own ({@link #newUpn()}), Sam Pupil of the universal school. */
  public static Map<String, Object> startVariables() {
    Map<String, Object> vars = new HashMap<>();
    vars.put(AttendanceCase.PUPIL_UPN.name(), newUpn());
    vars.put(AttendanceCase.PUPIL_NAME.name(), "Sam Pupil");
    vars.put(AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), DATE_OF_BIRTH);
    vars.put(AttendanceCase.SCHOOL_URN.name(), UNIVERSAL_SCHOOL);
    vars.put(AttendanceCase.ROUTE.name(), "support-first");
    vars.put(AttendanceCase.ENTRY_LEVEL.name(), 1);
    vars.put(AttendanceCase.ATTENDANCE_PERCENT.name(), 80.0);
    vars.put(AttendanceCase.UNAUTHORISED_SESSIONS.name(), 12);
    vars.put(AttendanceCase.PARENTS.name(), twoParents());
    // the child's address a penalty notice states (SI 2007/1867 reg 3) where the register has none
    vars.put(AttendanceCase.PUPIL_ADDRESS.name(), "3 Elm Row, Southend SS1 2CD");
    return vars;
  }

  public static Map<String, Object> with(Map<String, Object> vars, Object... pairs) {
    Map<String, Object> copy = new HashMap<>(vars);
    for (int i = 0; i < pairs.length; i += 2) {
      copy.put((String) pairs[i], pairs[i + 1]);
    }
    return copy;
  }

  public static Map<String, Object> vars(Object... pairs) {
    return with(Map.of(), pairs);
  }

  /** Moves the engine clock to a London wall-clock time. */
  public static void clockAt(int year, int month, int day, int hour) {
    ClockUtil.setCurrentTime(london(year, month, day, hour));
  }

  public static Date london(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(LONDON).toInstant());
  }
}
