package uk.schoolattendance.attendance;

import java.util.Map;

/**
 * The attendance bands of decision AttendanceBand in the words a caseworker reads ("Persistent
 * absence" for {@code persistent}, "Not persistently absent" for {@code not-persistent}); pages,
 * Tasklist's forms and the lists on tasks show these, never the codes. Severe absence is the
 * national measure, attendance at or below 50 %: {@code chronic} (below 30 %, a council's local
 * extra) is a part of it, never apart from it, so it reads as severe absence with its sub-band.
 */
public final class BandWords {

  private static final Map<String, String> WORDS =
      Map.of(
          "not-persistent", "Not persistently absent",
          "persistent", "Persistent absence",
          "severe", "Severe absence",
          "chronic", "Severe absence (below 30 %: chronic)");

  private BandWords() {}

  /** Whether the band is severe absence (attendance at or below 50 %), its chronic sub-band included. */
  public static boolean severe(String band) {
    return "severe".equals(band) || "chronic".equals(band);
  }

  /** The band in words, "" for none; an unknown band as written. */
  public static String of(String band) {
    if (band == null || band.isBlank()) {
      return "";
    }
    return WORDS.getOrDefault(band, band);
  }
}
