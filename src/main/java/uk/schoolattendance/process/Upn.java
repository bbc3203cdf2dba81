package uk.schoolattendance.process;

import java.util.regex.Pattern;

/**
 * The DfE Unique Pupil Number (domain notes §9): 13 characters, a check letter then 12 digits,
 * or 11 digits and a letter for a temporary UPN. The check letter is the weighted sum of
 * characters 2–13 (weights 2–13) modulo 23, read in the 23-letter alphabet without I, O, S.
 */
public final class Upn {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";
  private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]\\d{11}[\\d" + ALPHABET + "]");

  private Upn() {}

  /** Why the value is not a valid UPN, or {@code null} when it is one. */
  public static String problem(String upn) {
    if (upn == null || upn.isBlank()) {
      return "is required";
    }
    if (upn.length() != 13) {
      return "must be 13 characters, a check letter then 12 digits (was " + upn.length() + ")";
    }
    if (!SHAPE.matcher(upn).matches()) {
      return "must be a check letter then 12 digits (or 11 digits and a letter), letters I, O and S are never used";
    }
    char expected = checkLetter(upn.substring(1));
    if (upn.charAt(0) != expected) {
      return "check letter is wrong: '" + upn.charAt(0) + "' should be '" + expected + "'";
    }
    return null;
  }

  public static boolean isValid(String upn) {
    return problem(upn) == null;
  }

  /** The UPN of pupil number {@code n} (at most 12 digits): its check letter, then {@code n} as 12 digits. */
  public static String of(long n) {
    String digits = String.format(java.util.Locale.ROOT, "%012d", n);
    return checkLetter(digits) + digits;
  }

  /** The check letter for the 12 characters after it. */
  public static char checkLetter(String last12) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      char c = last12.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : ALPHABET.indexOf(c);
      sum += value * (i + 2);
    }
    return ALPHABET.charAt(sum % 23);
  }
}
