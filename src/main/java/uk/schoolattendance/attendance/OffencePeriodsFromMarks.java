package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import uk.schoolattendance.attendance.AttendanceRegister.RegisterMark;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The period of an offence, from the marks (issue #15). A legal route rests on the national
 * threshold ({@code attendance.register.threshold}: 10 unauthorised sessions, G/N/O/U, within a
 * rolling 10 school weeks of the pupil's own school calendar).
 *
 * <ul>
 *   <li>{@link #propose}: the most recent window in which the threshold was met, looking back a
 *       year from {@code asOf}: from the Monday of the school week of the window's first
 *       unauthorised session to the day the threshold's sessions were reached. School weeks skip
 *       holidays, so a window runs across half-term and the summer holiday.
 *   <li>{@link #check}: a period an officer narrowed must still hold the threshold: at least its
 *       sessions of unauthorised absence, within at most its school weeks. A period that does not
 *       is refused naming {@code offenceFrom} or {@code offenceTo} and saying why.
 * </ul>
 */
@Service
public class OffencePeriodsFromMarks {

  /** How far back a proposal looks for the threshold. */
  static final int LOOKBACK_MONTHS = 12;

  /** A period of the offence and what the register holds in it. */
  public record OffencePeriod(
      String upn, LocalDate from, LocalDate to, int unauthorisedSessions, int schoolWeeks, String schoolUrn) {}

  private final AttendanceRegister register;
  private final RegisterCalendars calendars;
  private final RegisterProperties properties;
  private final ThresholdSessions threshold;

  OffencePeriodsFromMarks(
      AttendanceRegister register, RegisterCalendars calendars, RegisterProperties properties, ThresholdSessions threshold) {
    this.register = register;
    this.calendars = calendars;
    this.properties = properties;
    this.threshold = threshold;
  }

  /** The most recent window of school weeks, up to {@code asOf}, in which the pupil met the threshold; empty if none. */
  public Optional<OffencePeriod> propose(String upn, LocalDate asOf) {
    Optional<AttendanceRegister.Pupil> pupil = register.pupil(upn);
    if (pupil.isEmpty()) {
      return Optional.empty();
    }
    SchoolDays days = calendars.of(Integer.parseInt(pupil.get().schoolUrn()));
    int sessions = threshold.sessions();
    int weeks = properties.threshold().schoolWeeks();
    LocalDate earliest = days.windowStart(asOf.minusMonths(LOOKBACK_MONTHS), weeks);
    List<LocalDate> unauthorised = unauthorised(pupil.get().upn(), earliest, asOf);
    // the threshold is reached on a day with an unauthorised mark: the latest such day that closes a window
    for (int end = unauthorised.size() - 1; end >= sessions - 1; end--) {
      LocalDate day = unauthorised.get(end);
      if (day.isBefore(asOf.minusMonths(LOOKBACK_MONTHS))) {
        break;
      }
      LocalDate windowFrom = days.windowStart(day, weeks);
      int inWindow = countBetween(unauthorised, windowFrom, day);
      if (inWindow >= sessions) {
        // from the Monday of the school week of the window's first unauthorised session
        LocalDate first = unauthorised.stream().filter(d -> !d.isBefore(windowFrom)).findFirst().orElseThrow();
        LocalDate from = days.windowStart(first, 1);
        return Optional.of(new OffencePeriod(pupil.get().upn(), from, day, inWindow, weeksSpanned(days, from, day),
            pupil.get().schoolUrn()));
      }
    }
    return Optional.empty();
  }

  /**
   * The period {@code from}–{@code to} if it holds the threshold; otherwise refused naming the
   * field ({@code offenceFrom}, {@code offenceTo}) and why.
   */
  public OffencePeriod check(String upn, LocalDate from, LocalDate to) {
    String fromField = CaseFacts.OFFENCE_FROM.name();
    String toField = CaseFacts.OFFENCE_TO.name();
    if (from == null) {
      throw new InvalidInputException(fromField, "is required, the first day of the offence");
    }
    if (to == null) {
      throw new InvalidInputException(toField, "is required, the last day of the offence");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException(toField, "must be on or after " + fromField + " (" + RegistrationCertificate.DAY.format(from) + ")");
    }
    AttendanceRegister.Pupil pupil = register.pupil(upn)
        .orElseThrow(() -> new InvalidInputException(CaseFacts.PUPIL_UPN.name(), "the register holds no marks for " + upn));
    SchoolDays days = calendars.of(Integer.parseInt(pupil.schoolUrn()));
    int sessions = threshold.sessions();
    int weeks = properties.threshold().schoolWeeks();
    int spanned = weeksSpanned(days, from, to);
    if (spanned > weeks) {
      throw new InvalidInputException(toField, "the period " + words(from, to) + " spans " + spanned
          + " school weeks; the threshold's window is at most " + weeks + " school weeks");
    }
    int held = unauthorised(pupil.upn(), from, to).size();
    if (held < sessions) {
      throw new InvalidInputException(fromField, "the period " + words(from, to) + " holds " + unauthorisedSessions(held)
          + " (G, N, O, U); the threshold needs " + sessions);
    }
    return new OffencePeriod(pupil.upn(), from, to, held, spanned, pupil.schoolUrn());
  }

  /**
   * The unauthorised sessions (category U: the register's unauthorised codes) from {@code from} to
   * {@code to}, both included; empty when the register holds no marks for the pupil.
   */
  public Optional<Integer> unauthorisedSessions(String upn, LocalDate from, LocalDate to) {
    if (upn == null || from == null || to == null || to.isBefore(from)) {
      return Optional.empty();
    }
    return register.pupil(upn).map(pupil -> unauthorised(pupil.upn(), from, to).size());
  }

  /**
   * The penalty notice's reason the marks give the period ({@code attendance.register.notice-reason-codes}):
   * the reason whose codes hold every unauthorised session from {@code from} to {@code to}, else
   * {@code other}; empty when the register holds no marks for the pupil or none unauthorised there.
   */
  public Optional<String> noticeReason(String upn, LocalDate from, LocalDate to) {
    if (upn == null || from == null || to == null || to.isBefore(from) || register.pupil(upn).isEmpty()) {
      return Optional.empty();
    }
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (RegisterMark mark : register.marks(upn, from, to)) {
      if ("U".equals(mark.category())) {
        codes.add(mark.code().toUpperCase(java.util.Locale.ROOT));
      }
    }
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    for (java.util.Map.Entry<String, List<String>> reason : new java.util.TreeMap<>(properties.noticeReasonCodes()).entrySet()) {
      if (reason.getValue().stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList().containsAll(codes)) {
        return Optional.of(reason.getKey());
      }
    }
    return Optional.of("other");
  }

  /** The school weeks from the first school day on or after {@code from} to the last on or before {@code to}. */
  static int weeksSpanned(SchoolDays days, LocalDate from, LocalDate to) {
    LocalDate first = from;
    while (!first.isAfter(to) && !(days.covers(first) && days.isSchoolDay(first))) {
      first = first.plusDays(1);
    }
    LocalDate last = to;
    while (!last.isBefore(first) && !(days.covers(last) && days.isSchoolDay(last))) {
      last = last.minusDays(1);
    }
    return first.isAfter(last) ? 0 : days.schoolWeek(last) - days.schoolWeek(first) + 1;
  }

  /** The dates of the pupil's unauthorised sessions (one entry per session), in order. */
  private List<LocalDate> unauthorised(String upn, LocalDate from, LocalDate to) {
    List<LocalDate> dates = new ArrayList<>();
    for (RegisterMark mark : register.marks(upn, from, to)) {
      if ("U".equals(mark.category())) {
        dates.add(mark.date());
      }
    }
    return dates;
  }

  private static int countBetween(List<LocalDate> dates, LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate date : dates) {
      if (!date.isBefore(from) && !date.isAfter(to)) {
        n++;
      }
    }
    return n;
  }

  private static String words(LocalDate from, LocalDate to) {
    return RegistrationCertificate.DAY.format(from) + " to " + RegistrationCertificate.DAY.format(to);
  }

  /** "no unauthorised sessions", "1 unauthorised session", "4 unauthorised sessions" (walk 12, defect 25). */
  static String unauthorisedSessions(int held) {
    return held == 0 ? "no unauthorised sessions" : held == 1 ? "1 unauthorised session" : held + " unauthorised sessions";
  }
}
