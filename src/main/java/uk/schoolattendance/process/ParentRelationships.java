package uk.schoolattendance.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relationships to the child a parent may be recorded with, {@code attendance.parents.relationships}
 * (Education Act 1996 s576: a parent is anyone with parental responsibility or who has care of the
 * child; which relationships a council records is its choice): the start form, "Add a parent", a
 * correction of the parents and {@code POST /api/cases/{reference}/parents} all offer and accept
 * these, in this order. Each is stored as written (lower case) and shown with a capital first
 * letter ("step-parent" reads "Step-parent"). National default: mother, father, step-parent,
 * carer, other.
 *
 * <p>A council's typo must not be ignored: an empty list, a blank entry, one that is not lower-case
 * words (letters, single spaces, hyphens or apostrophes between them), one longer than {@value
 * #MAX_LENGTH} characters or one listed twice stops start-up, naming the key; so does an unknown
 * key under {@code attendance.parents} (a misspelt {@code relationship}). A relationship a council
 * removes stays readable on the cases that recorded it.
 *
 * @param relationships the relationships, as stored, in the order the forms offer them
 */
@ConfigurationProperties(prefix = ParentRelationships.PREFIX, ignoreUnknownFields = false)
public record ParentRelationships(List<String> relationships) {

  static final String PREFIX = "attendance.parents";
  static final String KEY = PREFIX + ".relationships";
  static final int MAX_LENGTH = 40;

  /** The national default. */
  public static final List<String> NATIONAL = List.of("mother", "father", "step-parent", "carer", "other");

  private static final Pattern WORDS = Pattern.compile("[a-z]+(?:[ '-][a-z]+)*");

  public ParentRelationships {
    relationships = relationships == null ? NATIONAL : check(relationships);
  }

  /** The national default list. */
  public static ParentRelationships national() {
    return new ParentRelationships(null);
  }

  private static List<String> check(List<String> listed) {
    if (listed.isEmpty()) {
      throw new IllegalStateException(KEY + ": list at least one relationship to the child, for example "
          + String.join(", ", NATIONAL));
    }
    List<String> checked = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      String key = KEY + "[" + i + "]";
      String value = listed.get(i) == null ? "" : listed.get(i).strip();
      if (value.isEmpty()) {
        throw new IllegalStateException(key + ": a relationship must not be blank");
      }
      if (value.length() > MAX_LENGTH) {
        throw new IllegalStateException(key + ": '" + value + "' is longer than " + MAX_LENGTH + " characters");
      }
      if (!WORDS.matcher(value).matches()) {
        String hint = WORDS.matcher(value.toLowerCase(Locale.ROOT)).matches()
            ? " (write it in lower case, as it is stored: '" + value.toLowerCase(Locale.ROOT) + "')"
            : "";
        throw new IllegalStateException(key + ": '" + value + "' is not a relationship: lower-case words, with single"
            + " spaces, hyphens or apostrophes between them, e.g. step-parent" + hint);
      }
      if (checked.contains(value)) {
        throw new IllegalStateException(key + ": '" + value + "' is listed twice (it is "
            + KEY + "[" + checked.indexOf(value) + "] too): list each relationship once");
      }
      checked.add(value);
    }
    return List.copyOf(checked);
  }

  /**
   * A relationship given as new input: one of these (any case, trimmed), refused under {@code field}
   * otherwise; null when absent or blank.
   */
  public String checked(String field, Object raw) {
    Object given = raw instanceof String text ? text.trim().toLowerCase(Locale.ROOT) : raw;
    return Inputs.oneOf(field, given, relationships);
  }

  /** Whether a value is a relationship's shape: lower-case words with single spaces, hyphens or apostrophes between them. */
  static boolean wellFormed(String value) {
    return WORDS.matcher(value).matches();
  }

  /** Value to words ("step-parent" to "Step-parent"), in order. */
  public Map<String, String> withWords() {
    Map<String, String> words = new LinkedHashMap<>();
    relationships.forEach(value -> words.put(value, words(value)));
    return Collections.unmodifiableMap(words);
  }

  /** A relationship as shown: its first letter a capital ("step-parent" reads "Step-parent"). */
  static String words(String value) {
    return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
  }
}
