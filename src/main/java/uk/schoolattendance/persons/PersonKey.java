package uk.schoolattendance.persons;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a match of a named parent compares (issue #12 item 3): the name and the address trimmed,
 * runs of spaces collapsed, case ignored, spaces around commas made one and a postcode's spacing
 * made one ("ss11aa", "SS1  1AA" and "SS1 1AA" are one), and the date of birth when known. No
 * fuzzy guessing: "Alex Parent" and "Alexander Parent" are two people until an officer merges them.
 */
public final class PersonKey {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
  /** A UK postcode: outward code, optional spaces, inward code (a digit and two letters). */
  private static final Pattern POSTCODE =
      Pattern.compile("\\b([a-z]{1,2}[0-9][a-z0-9]?) ?([0-9][a-z]{2})\\b");

  private PersonKey() {}

  /** The key of a person with this name, address and (possibly unknown) date of birth. */
  public static String of(String name, String address, LocalDate dateOfBirth) {
    return text(name) + "|" + POSTCODE.matcher(text(address)).replaceAll("$1 $2") + "|"
        + (dateOfBirth == null ? "" : dateOfBirth.toString());
  }

  static String text(String raw) {
    String collapsed = SPACES.matcher(raw == null ? "" : raw.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    return COMMA.matcher(collapsed).replaceAll(", ");
  }
}
