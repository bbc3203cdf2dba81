package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.RegisterProperties.CodeSet;

/**
 * The statutory attendance codes and what each counts as on a given date
 * (shared/domain/attendance-codes.md): the code set in force on the date decides, so a mark
 * recorded before 19 August 2024 keeps the meaning of the 2006 set (J was an approved
 * educational activity then, J1 is leave now). A school system's own code is mapped to a
 * statutory one by {@code attendance.register.code-mapping}.
 */
@Component
public class MarkCodes {

  /** A code resolved for a date: the statutory code, the school's own code if different, the category. */
  public record Resolved(String code, String sourceCode, Category category) {}

  /** How a mark counts in the figures. The letter is what att_mark.category stores. */
  public enum Category {
    PRESENT('P'),
    AUTHORISED('A'),
    UNAUTHORISED('U'),
    NOT_POSSIBLE('X');

    private final char letter;

    Category(char letter) {
      this.letter = letter;
    }

    public char letter() {
      return letter;
    }
  }

  private final List<CodeTable> sets;
  private final Map<String, String> mapping = new HashMap<>();

  public MarkCodes(RegisterProperties properties) {
    List<CodeTable> loaded = new ArrayList<>();
    for (CodeSet set : properties.codeSets()) {
      if (set.from() == null) {
        throw new IllegalStateException("attendance.register.code-sets: '" + set.name() + "' has no from date");
      }
      loaded.add(new CodeTable(set));
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException("attendance.register.code-sets: no code set is configured");
    }
    loaded.sort(Comparator.comparing((CodeTable s) -> s.from).reversed());
    this.sets = List.copyOf(loaded);
    properties.codeMapping().forEach((from, to) -> mapping.put(normalise(from), normalise(to)));
  }

  /** The code as sent resolved for the date, or {@code null} with {@link #problem} telling why. */
  public Resolved resolve(String sent, LocalDate date) {
    CodeTable set = setOn(date);
    if (set == null || sent == null) {
      return null;
    }
    String given = normalise(sent);
    Category category = set.categories.get(given);
    if (category != null) {
      // a statutory code in small letters ("o") is refused naming it: no school system writes one,
      // so it was typed by hand, and the code it stands for is for the school to confirm
      return given.equals(sent.trim()) ? new Resolved(given, null, category) : null;
    }
    String mapped = mapping.get(given);
    if (mapped != null && set.categories.containsKey(mapped)) {
      return new Resolved(mapped, sent.trim(), set.categories.get(mapped));
    }
    return null;
  }

  /** Why {@code sent} is not a code on the date. */
  public String problem(String sent, LocalDate date) {
    CodeTable set = setOn(date);
    if (set == null) {
      return "no attendance code set is configured for " + date;
    }
    if (sent == null || sent.isBlank()) {
      return "is required: a statutory attendance code or a mapped school-system code";
    }
    String mapped = mapping.get(normalise(sent));
    if (mapped != null) {
      return "'" + sent.trim() + "' is the school system's code for '" + mapped + "', which is not a code of the "
          + set.name + " code set";
    }
    String trimmed = sent.trim();
    if (set.categories.containsKey(normalise(sent))) {
      return "'" + trimmed + "' is written in small letters: attendance codes are capital letters. If the school meant "
          + normalise(sent) + ", send the row again with " + normalise(sent);
    }
    return "'" + trimmed + "' is not an attendance code of the " + set.name
        + " code set, nor one of the school system's own codes this authority has matched to an attendance code:"
        + " correct the code, or ask the attendance data team to match it";
  }

  /** The name of the code set in force on the date ("2024"). */
  public String setName(LocalDate date) {
    CodeTable set = setOn(date);
    return set == null ? null : set.name;
  }

  private CodeTable setOn(LocalDate date) {
    for (CodeTable set : sets) {
      if (!date.isBefore(set.from)) {
        return set;
      }
    }
    return null;
  }

  private static String normalise(String code) {
    return code.trim().toUpperCase(Locale.ROOT);
  }

  private static final class CodeTable {
    final String name;
    final LocalDate from;
    final Map<String, Category> categories = new HashMap<>();

    CodeTable(CodeSet set) {
      this.name = set.name();
      this.from = set.from();
      add(set.present(), Category.PRESENT);
      add(set.authorised(), Category.AUTHORISED);
      add(set.unauthorised(), Category.UNAUTHORISED);
      add(set.notPossible(), Category.NOT_POSSIBLE);
    }

    private void add(List<String> codes, Category category) {
      for (String code : codes) {
        if (categories.put(normalise(code), category) != null) {
          throw new IllegalStateException(
              "attendance.register.code-sets: code '" + code + "' is listed twice in the " + name + " set");
        }
      }
    }
  }
}
