package uk.schoolattendance.casefile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person typed in the Design System's date input (day, month, year), as the fragment
 * {@code dateInput} shows it back.
 */
public record DayInput(String day, String month, String year) {

  public static DayInput empty() {
    return new DayInput("", "", "");
  }

  public boolean blank() {
    return isBlank(day) && isBlank(month) && isBlank(year);
  }

  /**
   * The day typed, real and not after {@code today}; otherwise adds the error of the input
   * {@code field} ("Enter the date of the contact") and answers null.
   */
  public LocalDate pastOrToday(String field, String what, LocalDate today, List<FieldError> errors) {
    if (blank()) {
      errors.add(FieldError.ofDate(field, "Enter the date of " + what));
      return null;
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
      if (date.isAfter(today)) {
        errors.add(FieldError.ofDate(field, "The date of " + what + " must be today or in the past"));
        return null;
      }
      return date;
    } catch (DateTimeException | NumberFormatException | NullPointerException notADay) {
      errors.add(FieldError.ofDate(field, "The date of " + what + " must be a real date, for example 27 3 2027"));
      return null;
    }
  }

  /**
   * The day typed, past or future, if it is a real day; otherwise adds the error of the input
   * {@code field} ("Enter the day the order now ends") and answers null.
   */
  public LocalDate real(String field, String what, List<FieldError> errors) {
    if (blank()) {
      errors.add(FieldError.ofDate(field, "Enter " + what));
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
    } catch (DateTimeException | NumberFormatException | NullPointerException notADay) {
      errors.add(FieldError.ofDate(field, capitalised(what) + " must be a real date, for example 9 2 2030"));
      return null;
    }
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
