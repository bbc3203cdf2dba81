package uk.schoolattendance.casefile.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  /** The shortest typed word a search forgives a misspelling in: shorter ones ("sam", "al") would match too many names. */
  public static final int NEAR_FROM = 4;

  /**
   * The longest typed word a search forgives a misspelling in: a word gives about 53 near words a
   * letter, each one look-up, so a crafted long word cannot make one search thousands of look-ups
   * (real names' words are shorter).
   */
  public static final int NEAR_TO = 20;

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /**
   * The words one edit from this one (a letter left out, added, changed, or two neighbours
   * swapped: "lilly" gives "lily", "ahmad" gives "ahmed"), for a search that forgives a small
   * misspelling by looking each one up on the words' index; none for a word shorter than {@link
   * #NEAR_FROM} letters or longer than {@link #NEAR_TO}. The word itself is not among them.
   */
  public static Set<String> near(String word) {
    Set<String> near = new LinkedHashSet<>();
    if (word == null || word.length() < NEAR_FROM || word.length() > NEAR_TO) {
      return near;
    }
    for (int i = 0; i < word.length(); i++) {
      near.add(word.substring(0, i) + word.substring(i + 1));
      if (i + 1 < word.length()) {
        near.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
      }
      for (char letter : LETTERS.toCharArray()) {
        near.add(word.substring(0, i) + letter + word.substring(i + 1));
      }
    }
    for (int i = 0; i <= word.length(); i++) {
      for (char letter : LETTERS.toCharArray()) {
        near.add(word.substring(0, i) + letter + word.substring(i));
      }
    }
    near.remove(word);
    return near;
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

  /**
   * How a name found by the forgiving search matches the typed words when one was forgiven a
   * letter: "Lily for Lilly" (the name's word, then the typed one), several joined by ", "; null
   * when every typed word starts a word of one of the names (an exact match) or a typed word is
   * not in them at all (the row was found another way, e.g. by its school).
   *
   * @param typed the typed words ({@link #words}: lower case, no accents)
   * @param names the names the row was found by: the pupil's and the parents'
   */
  public static String closeMatch(List<String> typed, List<String> names) {
    Map<String, String> shownWords = new LinkedHashMap<>();
    for (String name : names) {
      if (name == null) {
        continue;
      }
      for (String token : name.trim().split("[\\s\\-]+")) {
        String key = key(token);
        if (key != null && !key.isEmpty() && !key.contains(" ")) {
          shownWords.putIfAbsent(key, token);
        }
      }
    }
    List<String> forgiven = new ArrayList<>();
    for (String word : typed) {
      if (shownWords.keySet().stream().anyMatch(known -> known.startsWith(word))) {
        continue;
      }
      Set<String> near = near(word);
      String found = shownWords.entrySet().stream()
          .filter(known -> near.contains(known.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
      if (found == null) {
        return null;
      }
      forgiven.add(found + " for " + Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return forgiven.isEmpty() ? null : String.join(", ", forgiven);
  }
}
