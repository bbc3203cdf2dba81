package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A register file in the CSV layout, built row by row for tests: a pupil's first row carries the
 * names, date of birth, year group and a parent, later rows the mark only.
 */
final class CsvFile {

  static final String HEADER = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address\n";

  private final StringBuilder text = new StringBuilder(HEADER);
  private final Set<String> named = new HashSet<>();
  private int rows;

  CsvFile mark(String upn, String urn, LocalDate date, String session, String code) {
    if (named.add(upn)) {
      text.append(String.join(",", upn, urn, date.toString(), session, code, "Sam", surname(upn),
          "2015-05-01", "6", "Alex " + surname(upn), "\"1 High Street, Southend-on-Sea SS1 1AA\"")).append('\n');
    } else {
      text.append(String.join(",", upn, urn, date.toString(), session, code)).append('\n');
    }
    rows++;
    return this;
  }

  /** Both sessions of every school day from {@code from} to {@code to} at the school, coded by {@code code}. */
  CsvFile days(String upn, String urn, SchoolDays days, LocalDate from, LocalDate to,
      BiFunction<LocalDate, String, String> code) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (days.isSchoolDay(day)) {
        mark(upn, urn, day, "AM", code.apply(day, "AM"));
        mark(upn, urn, day, "PM", code.apply(day, "PM"));
      }
    }
    return this;
  }

  /** A raw line, as a school system might send it. */
  CsvFile line(String line) {
    text.append(line).append('\n');
    rows++;
    return this;
  }

  /** The surname the file gives the pupil: letters made of the UPN's last digits (names hold no digits). */
  static String surname(String upn) {
    StringBuilder name = new StringBuilder("Pupil");
    for (char c : upn.substring(9).toCharArray()) {
      name.append((char) ('a' + (c - '0')));
    }
    return name.toString();
  }

  int rows() {
    return rows;
  }

  String text() {
    return text.toString();
  }
}
