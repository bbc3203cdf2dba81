package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.process.Json;

/**
 * A recorded correction (CaseCorrections' history entry: field, from, to and the reason) as the
 * timeline writes it: "Parent's name: Gail Marsh → Gayle Marsh. Reason: misspelt on the form".
 */
final class CorrectionWords {

  private static final Pattern PARENT_FIELD = Pattern.compile("parents/([^/]+)/(name|address)");
  private static final Map<String, String> LABELS =
      Map.of(
          AttendanceCase.PUPIL_NAME.name(), "Pupil's name",
          AttendanceCase.PUPIL_UPN.name(), "UPN",
          AttendanceCase.PUPIL_DATE_OF_BIRTH.name(), "Date of birth",
          AttendanceCase.SCHOOL_URN.name(), "School URN",
          AttendanceCase.PARENTS.name(), "Parents");

  private CorrectionWords() {}

  static String of(JsonNode entry, UkDates dates) {
    String field = entry.path("field").asText("");
    String from = entry.path("from").asText("");
    String to = entry.path("to").asText("");
    String reason = entry.path("reason").asText("");
    String recorded = field + ": " + from + " → " + to + ": ";
    String why = reason.startsWith(recorded) ? reason.substring(recorded.length()) : reason;
    Matcher parent = PARENT_FIELD.matcher(field);
    String label;
    if (parent.matches()) {
      label = "name".equals(parent.group(2)) ? "Parent's name" : "Parent's address";
      from = parentValue(from, parent.group(1), parent.group(2));
      to = parentValue(to, parent.group(1), parent.group(2));
    } else {
      label = LABELS.getOrDefault(field, field);
      if (field.equals(AttendanceCase.PUPIL_DATE_OF_BIRTH.name())) {
        from = day(from, dates);
        to = day(to, dates);
      }
    }
    return label + ": " + from + " → " + to + ". Reason: " + why;
  }

  /** One parent's name or address from the parents' list as recorded (or the value itself). */
  private static String parentValue(String recorded, String id, String part) {
    if (!recorded.startsWith("[")) {
      return recorded;
    }
    try {
      for (JsonNode parent : Json.parse(AttendanceCase.PARENTS.name(), recorded)) {
        if (id.equals(parent.path("id").asText())) {
          return parent.path(part).asText("");
        }
      }
    } catch (RuntimeException unreadable) {
      return recorded;
    }
    return recorded;
  }

  private static String day(String iso, UkDates dates) {
    try {
      return dates.day(LocalDate.parse(iso));
    } catch (RuntimeException notADay) {
      return iso;
    }
  }
}
