package uk.schoolattendance.casefile.imports;

import java.util.Locale;

/**
 * The last error of a failed move (as the daily step logged it: the exception's class and message) in
 * words an officer or the data team acts on: what stopped the move and what happens next. The
 * logged text stays on the page as the technical detail.
 */
final class FailedMoveWords {

  private FailedMoveWords() {}

  static String of(String logged) {
    String text = logged == null ? "" : logged;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("suspended")) {
      return "The case is suspended in Cockpit, so nothing can change it. Once it is activated again, the next daily"
          + " run moves it.";
    }
    if (lower.contains("optimisticlocking")) {
      return "Someone changed the case at the same moment. The next daily run tries again.";
    }
    if (lower.contains("authorization")) {
      return "The application was not allowed to change the case. An administrator checks its permissions; the next"
          + " daily run tries again.";
    }
    if (lower.contains("invalidinputexception")) {
      return "The case's new school was refused: " + message(text) + ". Correct the case's school on its page, or the"
          + " pupil's registration; the next daily run tries again.";
    }
    if (lower.contains("sqlexception") || lower.contains("dataaccess") || lower.contains("transaction")) {
      return "The database could not be written at that moment. The next daily run tries again.";
    }
    return "An unexpected error stopped the move. The next daily run tries again; if it keeps failing, an administrator"
        + " looks in the application's log for the pupil's UPN.";
  }

  /** The message after the exception's class name, as logged ({@code a.b.SomeException: message}). */
  private static String message(String logged) {
    int colon = logged.indexOf(": ");
    String message = colon < 0 ? logged : logged.substring(colon + 2);
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }
}
