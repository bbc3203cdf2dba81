package uk.schoolattendance.process;

/** Numbers as the product writes them in pages, messages and letters. */
public final class Wording {

  private Wording() {}

  /** The ordinal of {@code n}: 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, 22nd, 101st, 111th. */
  public static String ordinal(int n) {
    int lastTwo = Math.abs(n) % 100;
    String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (Math.abs(n) % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
