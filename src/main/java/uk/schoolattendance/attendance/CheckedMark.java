package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.schoolattendance.attendance.MarkCodes.Resolved;

/**
 * A mark whose every field passed its check: ready to be written.
 *
 * @param session 0 for the morning (AM), 1 for the afternoon (PM)
 * @param pupil the pupil's details when the row gave all of them (names, date of birth, year
 *     group), else null: a pupil seen for the first time needs them
 * @param leaving the pupil's leaving dates the row states, URN to the last day on that school's
 *     roll (empty: none)
 */
record CheckedMark(
    int row, String upn, int urn, LocalDate date, int session, Resolved code, boolean dual, PupilDetails pupil,
    Map<Integer, LocalDate> leaving) {

  /** A pupil's details as the register keeps them. {@code contacts} null: the file sent none. */
  record PupilDetails(
      String forename,
      String surname,
      LocalDate dateOfBirth,
      String yearGroup,
      String senProvision,
      Boolean freeSchoolMeals,
      Boolean socialWorker,
      Boolean lookedAfter,
      String address,
      List<SentMark.Contact> contacts) {}
}
