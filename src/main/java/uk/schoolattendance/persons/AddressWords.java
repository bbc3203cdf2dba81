package uk.schoolattendance.persons;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parent's address as "Find a pupil" compares it: its postcode normalised (upper case, no
 * spaces: "ss1 9zx", "SS19ZX" and "SS1  9ZX" are all {@code SS19ZX}) and its other words as names
 * are compared (as the search's NameWords: lower case, accents and punctuation dropped: "1 Marine Parade, Southend" has the
 * words {@code 1}, {@code marine}, {@code parade}, {@code southend}). Kept on {@code person}
 * ({@code postcode}) and {@code person_address_word} whenever a person is recorded (V500, V501).
 */
public final class AddressWords {

  /** A UK postcode anywhere in a text: outward code, optional spaces, inward code (a digit and two letters). */
  private static final Pattern POSTCODE =
      Pattern.compile("(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?) *([0-9][A-Z]{2})(?![A-Z0-9])");

  /** A whole text that is one postcode, spaced or not. */
  private static final Pattern ONLY_POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern DROPPED = Pattern.compile("['’.`]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The longest word kept (the column's size). */
  static final int MAX_WORD = 100;

  private AddressWords() {}

  /** The address's postcode, normalised ({@code SS19ZX}); the last one when it has several; null when it has none. */
  public static String postcode(String address) {
    if (address == null) {
      return null;
    }
    Matcher matcher = POSTCODE.matcher(address.toUpperCase(Locale.UK));
    String found = null;
    while (matcher.find()) {
      found = matcher.group(1) + matcher.group(2);
    }
    return found;
  }

  /** The text as a postcode ({@code SS19ZX}) when the whole of it is one, whatever its spacing and case; else null. */
  public static String wholePostcode(String text) {
    if (text == null) {
      return null;
    }
    String squeezed = text.replaceAll("\\s+", "").toUpperCase(Locale.UK);
    return ONLY_POSTCODE.matcher(squeezed).matches() ? squeezed : null;
  }

  /** A whole text that is one outward code ("SS1", "ss1 ", "EC1A"): a postcode district. */
  private static final Pattern ONLY_OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

  /** The outward code of a normalised postcode (SS19ZX: SS1); null for null. */
  public static String outward(String postcode) {
    return postcode == null || postcode.length() < 5 ? null : postcode.substring(0, postcode.length() - 3);
  }

  /**
   * The text as an outward code ({@code SS1}) when the whole of it is one, whatever its case and the
   * spaces around it; else null. A space inside is not squeezed out: "SS1 4" (a postcode half typed)
   * is not the district SS14, nor "B1 2" B12.
   */
  public static String wholeOutward(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip().toUpperCase(Locale.UK);
    return ONLY_OUTWARD.matcher(stripped).matches() ? stripped : null;
  }

  /** The address's words but its postcode's ("1 Marine Parade, Southend SS1 9ZX": 1, marine, parade, southend). */
  public static Set<String> words(String address) {
    if (address == null) {
      return Set.of();
    }
    String withoutPostcode = POSTCODE.matcher(address.toUpperCase(Locale.UK)).replaceAll(" ");
    Set<String> words = new LinkedHashSet<>();
    String plain = MARKS.matcher(Normalizer.normalize(withoutPostcode, Normalizer.Form.NFD)).replaceAll("");
    for (String word : SEPARATORS.split(DROPPED.matcher(plain).replaceAll("").toLowerCase(Locale.UK))) {
      if (!word.isEmpty()) {
        words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
      }
    }
    return words;
  }
}
