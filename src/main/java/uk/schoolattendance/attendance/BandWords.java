package uk.schoolattendance.attendance;

import java.util.Map;

/**
 * The attendance bands of decision AttendanceBand in the words a caseworker reads ("Persistent
 * absence" for {@code persistent}, "Not persistently absent" for {@code not-persistent}); pages,
 * Tasklist's forms and the lists on tasks show these, never the codes.
 */
public final class BandWords {

  private static final Map<String, String> WORDS =
      Map.of(
          "not-persistent", "Not persistently absent",
          "persistent", "Persistent absence",
          "severe", "Severe absence",
          "chronic", "Chronic absence");

  private BandWords() {}

  /** The band in words, "" for none; an unknown band as written. */
  public static String of(String band) {
    if (band == null || band.isBlank()) {
      return "";
    }
    return WORDS.getOrDefault(band, band);
  }
}
