package uk.schoolattendance.attendance;

import java.util.List;
import java.util.Map;

/**
 * One mark as a file sends it, before any check: text as written, the row it came from, and the
 * pupil's details when the file gives them (the CSV's optional columns, the CTF's pupil).
 *
 * @param row the row number reported in rejections (CSV: the line's record number, header = 1;
 *     CTF: the mark's position in the file)
 * @param registration {@code main} or {@code dual} when the file says, else null (main)
 * @param leaving the pupil's leaving dates as the file states them, URN to date (the CSV's {@code
 *     leavingDate} for the row's school; a CTF's {@code SchoolHistory}): the evidence that a
 *     registration ended; empty when the file says none
 */
public record SentMark(
    int row, String upn, String urn, String date, String session, String code, String registration, Pupil pupil,
    Map<String, String> leaving) {


  /** The pupil's details as sent; any may be null. {@code contacts} null means "not sent". */
  public record Pupil(
      String forename,
      String surname,
      String dateOfBirth,
      String yearGroup,
      String senProvision,
      String freeSchoolMeals,
      String socialWorker,
      String lookedAfter,
      String address,
      List<Contact> contacts) {

    public boolean hasAnyName() {
      return notBlank(forename) || notBlank(surname);
    }

    private static boolean notBlank(String value) {
      return value != null && !value.isBlank();
    }
  }

  /** A contact of the pupil: a parent or carer, with or without parental responsibility. */
  public record Contact(String name, String relationship, Boolean parentalResponsibility, String address) {}
}
