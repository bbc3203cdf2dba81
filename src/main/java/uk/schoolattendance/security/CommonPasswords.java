package uk.schoolattendance.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * Password policy rule: not a common password, nor a common password or word dressed up with
 * capitals, digits, symbols and look-alike letters ({@code Password1!}, {@code Welcome123!},
 * {@code Summer2026!}, {@code P@ssw0rd2024}): attackers try exactly those first, and they meet
 * every other rule. The list is {@code security/common-passwords.txt} (10,000 entries; its
 * source is in the file).
 */
final class CommonPasswords implements PasswordPolicyRule {

  static final String PLACEHOLDER = "PASSWORD_POLICY_COMMON";
  static final String RESOURCE = "/security/common-passwords.txt";
  private static final int SHORTEST_WORD = 4;

  private static final Set<String> LIST = load();

  @Override
  public String getPlaceholder() {
    return PLACEHOLDER;
  }

  @Override
  public Map<String, String> getParameters() {
    return Map.of();
  }

  @Override
  public boolean execute(String candidatePassword) {
    return candidatePassword == null || !isCommon(candidatePassword);
  }

  static boolean isCommon(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    if (LIST.contains(lower)) {
      return true;
    }
    String word = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
    return word.length() >= SHORTEST_WORD && (LIST.contains(word) || LIST.contains(plainLetters(word)));
  }

  /** Undoes the usual look-alike substitutions: p@ssw0rd is password. */
  private static String plainLetters(String word) {
    StringBuilder plain = new StringBuilder(word.length());
    for (char c : word.toCharArray()) {
      plain.append(
          switch (c) {
            case '@', '4' -> 'a';
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
          });
    }
    return plain.toString();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
