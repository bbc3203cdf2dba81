package uk.schoolattendance.schools;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Compulsory school age, {@code attendance.compulsory-school-age} (law is data, national defaults).
 *
 * <ul>
 *   <li>It begins on the first prescribed day (31 December, 31 March, 31 August) on or after the
 *       child's fifth birthday (Education Act 1996 s8(2); the Education (Start of Compulsory School
 *       Age) Order 1998): the term after the fifth birthday.
 *   <li>It ends at the end of the school leaving date, the last Friday in June, of the school year
 *       in which the child turns 16 (EA 1996 s8(3); the Education (School Leaving Date) Order
 *       1997): a child who turns 16 between 1 September and 31 August leaves on the last Friday
 *       of that June.
 * </ul>
 *
 * A penalty notice (EA 1996 s444A) or a prosecution (s444) concerns a child of compulsory school
 * age only; the offence period must lie inside it.
 *
 * @param startAge the birthday after which it begins (5)
 * @param prescribedDays the days it may begin on, as {@code --MM-DD} (31 December, 31 March, 31 August)
 * @param leavingAge the birthday in whose school year it ends (16)
 */
@ConfigurationProperties(prefix = "attendance.compulsory-school-age")
public record CompulsorySchoolAge(Integer startAge, List<String> prescribedDays, Integer leavingAge) {

  public CompulsorySchoolAge {
    startAge = startAge == null ? 5 : startAge;
    leavingAge = leavingAge == null ? 16 : leavingAge;
    prescribedDays =
        prescribedDays == null || prescribedDays.isEmpty() ? List.of("--03-31", "--08-31", "--12-31") : List.copyOf(prescribedDays);
    prescribedDays.forEach(MonthDay::parse); // refuses a malformed day at start-up
    if (startAge < 1 || leavingAge <= startAge) {
      throw new IllegalStateException("attendance.compulsory-school-age: 0 < start-age < leaving-age");
    }
  }

  /** The national rules. */
  public static CompulsorySchoolAge national() {
    return new CompulsorySchoolAge(null, null, null);
  }

  /** The first day of compulsory school age for a child born on {@code born}. */
  public LocalDate beginsOn(LocalDate born) {
    LocalDate birthday = born.plusYears(startAge);
    List<MonthDay> days = prescribedDays.stream().map(MonthDay::parse).sorted(Comparator.naturalOrder()).toList();
    for (int year = birthday.getYear(); ; year++) {
      for (MonthDay day : days) {
        LocalDate candidate = day.atYear(year);
        if (!candidate.isBefore(birthday)) {
          return candidate;
        }
      }
    }
  }

  /** The last day of compulsory school age: the school leaving date of the school year of the 16th birthday. */
  public LocalDate endsOn(LocalDate born) {
    LocalDate birthday = born.plusYears(leavingAge);
    int year = birthday.getMonthValue() >= 9 ? birthday.getYear() + 1 : birthday.getYear();
    return LocalDate.of(year, 6, 30).with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY));
  }

  /**
   * The last day of an order that ceases to have effect when the child ceases to be of compulsory
   * school age (an education supervision order: Children Act 1989 Sch 3 para 15(6)(a)): the day
   * it would otherwise end, {@code endsOn}, or the day compulsory school age ends if earlier; the
   * day as recorded when the date of birth is not known ({@code born} null).
   */
  public LocalDate orderEndsOn(LocalDate endsOn, LocalDate born) {
    if (born == null || endsOn == null) {
      return endsOn;
    }
    LocalDate leaves = endsOn(born);
    return leaves.isBefore(endsOn) ? leaves : endsOn;
  }

  /**
   * Refuses an offence period on which the child was not of compulsory school age, naming the day
   * it begins or ended (fields {@code offenceFrom} / {@code offenceTo}).
   */
  public void requireCovers(LocalDate born, LocalDate from, LocalDate to) {
    if (born == null || from == null || to == null) {
      return;
    }
    if (from.isBefore(beginsOn(born))) {
      throw new InvalidInputException(
          CaseFacts.OFFENCE_FROM.name(),
          "the child is of compulsory school age only from " + Days.shown(beginsOn(born))
              + " (Education Act 1996 s8): no penalty notice or prosecution for an earlier day");
    }
    if (to.isAfter(endsOn(born))) {
      throw new InvalidInputException(
          CaseFacts.OFFENCE_TO.name(),
          "the child ceased to be of compulsory school age on " + Days.shown(endsOn(born)) + " (Education Act 1996 s8)");
    }
  }

  /** Whether the child is of compulsory school age on every day from {@code from} to {@code to}. */
  public boolean coversPeriod(LocalDate born, LocalDate from, LocalDate to) {
    return !from.isBefore(beginsOn(born)) && !to.isAfter(endsOn(born));
  }
}
