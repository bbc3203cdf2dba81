package uk.schoolattendance.browser;

/** Valid Unique Pupil Numbers for browser tests (the DfE check-letter rule, domain notes §9). */
final class Upns {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private Upns() {}

  /** The UPN made of its check letter and these 12 digits. */
  static String valid(String twelveDigits) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += Character.digit(twelveDigits.charAt(i), 10) * (i + 2);
    }
    return ALPHABET.charAt(sum % 23) + twelveDigits;
  }
}
