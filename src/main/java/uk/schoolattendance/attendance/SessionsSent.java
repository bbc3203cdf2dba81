package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sessions a file has sent so far, each with the row that sent it and its mark: a second row
 * for the same pupil, school and session with a different mark is refused naming the first (the
 * file contradicts itself, and which one the school meant is for the school to say: the first row
 * is the one the file sends, so an N is never replaced by the row below it without a word); a
 * second row with the same mark is not needed and is listed as such. The check runs before the
 * registration rules and the new pupils' names are checked, which may still refuse the first row:
 * the words say only what is true then (the first row is the one this file sends for the session,
 * and the first row's own refusal, if any, is listed under its number), never that its mark is
 * imported. The oldest sessions are forgotten beyond {@code limit}.
 */
final class SessionsSent {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private record Key(String upn, int urn, LocalDate date, int session) {}

  private record Sent(int row, String code, String shown) {}

  private final Map<Key, Sent> sent;

  SessionsSent(int limit) {
    this.sent = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Sent> eldest) {
        return size() > limit;
      }
    };
  }

  /** Null for the first row of a session; else why this row is not imported, naming the first. */
  Rejection twice(CheckedMark mark) {
    Key key = new Key(mark.upn(), mark.urn(), mark.date(), mark.session());
    Sent first = sent.putIfAbsent(key, new Sent(mark.row(), mark.code().code(), shown(mark)));
    if (first == null) {
      return null;
    }
    String session = DAY.format(mark.date()) + " " + (mark.session() == 0 ? "AM" : "PM");
    if (first.code().equals(mark.code().code())) {
      return new Rejection(mark.row(), "session", "not needed: " + session + " already has the same mark "
          + first.shown() + " in row " + first.row() + ", the row this file sends for it");
    }
    return new Rejection(mark.row(), "code", session + " already has " + first.shown() + " in row " + first.row()
        + " of this file, and a session has one mark: this row's " + shown(mark) + " is not imported; row "
        + first.row() + "'s " + first.shown() + " is the one this file sends for it. If " + shown(mark)
        + " is right, send this row again on its own");
  }

  private static String shown(CheckedMark mark) {
    return mark.code().sourceCode() != null ? mark.code().sourceCode() : mark.code().code();
  }
}
