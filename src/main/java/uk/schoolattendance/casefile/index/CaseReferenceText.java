package uk.schoolattendance.casefile.index;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case reference as people type one: in any case, with the number short or with spaces
 * ("ac-2026-14", "AC 2026 14"), read as the reference the case has ({@code AC-2026-000014}, the
 * form {@code JdbcCaseReferences} gives every case).
 */
public final class CaseReferenceText {

  /** "AC-2026-14", "ac 2026 000014", "AC2026-14": the prefix, a four-digit year and a number. */
  public static final Pattern TYPED = Pattern.compile("(?i)AC[-\\s]?(\\d{4})[-\\s]?(\\d{1,9})");

  private CaseReferenceText() {}

  /** The full reference ({@code AC-2026-000014}) of a typed one; the text in upper case when it is not one. */
  public static String full(String typed) {
    String text = typed == null ? "" : typed.strip();
    Matcher reference = TYPED.matcher(text);
    if (!reference.matches()) {
      return text.toUpperCase(Locale.UK);
    }
    return String.format(Locale.UK, "AC-%s-%06d", reference.group(1), Long.parseLong(reference.group(2)));
  }
}
