package uk.schoolattendance.casefile.index;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names as the search compares them: lower case, accents and apostrophes dropped, split into
 * words at spaces and hyphens. "Zoë O'Brien-Smith" has the words {@code zoe}, {@code obrien},
 * {@code smith}; a search for "o'brien" or "OBrien" finds it, and so does "zo smi".
 */
public final class NameWords {

  static final int MAX_WORD = 100;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern DROPPED = Pattern.compile("['’.`]");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NameWords() {}

  /** The name as a sort and compare key: lower case, no accents, single spaces. */
  public static String key(String name) {
    if (name == null) {
      return null;
    }
    return String.join(" ", words(name));
  }

  /** The words of a name, in order, each at most 100 characters. */
  public static Set<String> words(String name) {
    Set<String> words = new LinkedHashSet<>();
    if (name == null) {
      return words;
    }
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    plain = DROPPED.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
    for (String word : SEPARATORS.split(plain)) {
      if (!word.isEmpty()) {
        words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
      }
    }
    return words;
  }
}
