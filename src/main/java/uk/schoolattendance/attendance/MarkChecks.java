package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import uk.schoolattendance.attendance.CheckedMark.PupilDetails;
import uk.schoolattendance.attendance.MarkCodes.Resolved;
import uk.schoolattendance.process.Upn;
import uk.schoolattendance.security.PersonNames;

/**
 * The checks of one row that need nothing from the database: a valid UPN (the DfE check letter),
 * a school the authority serves and the importer may import for, a date that is a school day at
 * that school and not in the future, AM or PM, a statutory code (or a mapped school-system code)
 * of the code set in force on the date, and well-formed pupil details. Whether a pupil seen for
 * the first time came with names is checked when the batch is written.
 */
final class MarkChecks {

  static final Pattern URN = Pattern.compile("\\d{6}");
  static final Pattern YEAR_GROUP = Pattern.compile("N1|N2|R|[1-9]|1[0-4]|X");
  private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?][^>]*>|javascript:", Pattern.CASE_INSENSITIVE);

  private final MarkCodes codes;
  private final RegisterCalendars calendars;
  private final IntPredicate mayImport;
  private final LocalDate today;
  // files list a pupil's rows together and a day's marks share a date: the last UPN checked and
  // the dates parsed lately are remembered (a few entries; a file of any size, the same memory)
  private String lastUpn;
  private String lastUpnProblem;
  private final java.util.Map<String, LocalDate> dates = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, LocalDate> eldest) {
      return size() > 512;
    }
  };

  /** One outcome per row: a checked mark, or the rejection. */
  record Outcome(CheckedMark mark, Rejection rejection) {}

  MarkChecks(MarkCodes codes, RegisterCalendars calendars, IntPredicate mayImport, LocalDate today) {
    this.codes = codes;
    this.calendars = calendars;
    this.mayImport = mayImport;
    this.today = today;
  }

  Outcome check(SentMark sent) {
    int row = sent.row();
    // every fault of the row is named (one rejection listing them all), so a school corrects the
    // row once; a check that needs an earlier value (the school's calendar, the date's code set)
    // is made only when that value is sound
    List<Rejection> faults = new ArrayList<>(2);
    String upn = trim(sent.upn());
    if (upn == null) {
      faults.add(new Rejection(row, "upn", "is required"));
    } else {
      upn = upn.toUpperCase(Locale.ROOT);
      if (!upn.equals(lastUpn)) {
        lastUpn = upn;
        lastUpnProblem = Upn.problem(upn);
      }
      if (lastUpnProblem != null) {
        // the UPN as the file sent it, so the school finds the row it wrote
        faults.add(new Rejection(row, "upn", trim(sent.upn()) + ": " + lastUpnProblem));
      }
    }
    String urnText = trim(sent.urn());
    int urn = 0;
    SchoolDays days = null;
    if (urnText == null) {
      faults.add(new Rejection(row, "urn", "is required: the school's 6-digit URN"));
    } else if (!URN.matcher(urnText).matches()) {
      faults.add(new Rejection(row, "urn", "'" + urnText + "' is not a 6-digit URN"));
    } else {
      urn = Integer.parseInt(urnText);
      days = calendars.of(urn);
      if (days == null) {
        faults.add(new Rejection(row, "urn", "no school with URN " + urnText + " is served by this authority"));
      } else if (!mayImport.test(urn)) {
        faults.add(new Rejection(row, "urn",
            "you may not import marks for school " + urnText + ": a school imports only its own URN"));
        days = null;
      }
    }
    String dateText = trim(sent.date());
    LocalDate date = null;
    if (dateText == null) {
      faults.add(new Rejection(row, "date", "is required (YYYY-MM-DD)"));
    } else {
      date = dates.get(dateText);
      if (date == null) {
        try {
          date = LocalDate.parse(dateText);
          dates.put(dateText, date);
        } catch (DateTimeParseException e) {
          faults.add(new Rejection(row, "date", "'" + dateText + "' is not a date (YYYY-MM-DD)"));
        }
      }
    }
    if (date != null) {
      if (date.isAfter(today)) {
        faults.add(new Rejection(row, "date", RegistrationCertificate.DAY.format(date) + " is in the future"));
      } else if (days != null && !days.covers(date)) {
        faults.add(new Rejection(row, "date", "no term dates are configured for " + SchoolDays.academicYearName(date)
            + " at school " + urnText));
      } else if (days != null && !days.isSchoolDay(date)) {
        SchoolCalendarView view = calendars.view(urn);
        faults.add(new Rejection(row, "date", RegistrationCertificate.DAY.format(date) + " is not a school day at school "
            + urnText + (view == null ? "" : ": it is " + view.whyClosed(date))));
      }
    }
    String session = trim(sent.session());
    int sessionNo = -1;
    if ("AM".equalsIgnoreCase(session)) {
      sessionNo = 0;
    } else if ("PM".equalsIgnoreCase(session)) {
      sessionNo = 1;
    } else {
      faults.add(new Rejection(row, "session", session == null ? "is required: AM or PM" : "'" + session + "' is not AM or PM"));
    }
    // a row without a readable date is checked against the code set in force today
    LocalDate codeDate = date == null ? today : date;
    Resolved code = codes.resolve(sent.code(), codeDate);
    if (code == null) {
      faults.add(new Rejection(row, "code", codes.problem(sent.code(), codeDate)));
    }
    String registration = trim(sent.registration());
    if (registration != null && !registration.equalsIgnoreCase("main") && !registration.equalsIgnoreCase("dual")) {
      faults.add(new Rejection(row, "registration", "'" + registration + "' is not main or dual"));
    }
    Map<Integer, LocalDate> leaving = Map.of();
    if (sent.leaving() != null && !sent.leaving().isEmpty()) {
      leaving = new HashMap<>();
      for (Map.Entry<String, String> left : sent.leaving().entrySet()) {
        String leftOn = trim(left.getValue());
        if (!URN.matcher(left.getKey()).matches()) {
          faults.add(new Rejection(row, "leavingDate", "names its school by '" + left.getKey() + "', not by a 6-digit URN"));
          break;
        }
        try {
          leaving.put(Integer.parseInt(left.getKey()), LocalDate.parse(leftOn == null ? "" : leftOn));
        } catch (DateTimeParseException e) {
          faults.add(new Rejection(row, "leavingDate", "'" + leftOn + "' is not a date (YYYY-MM-DD)"));
          break;
        }
      }
    }
    PupilDetails pupil = pupil(row, sent.pupil(), faults);
    if (!faults.isEmpty()) {
      return new Outcome(null, oneLine(row, faults));
    }
    return new Outcome(
        new CheckedMark(row, upn, urn, date, sessionNo, code, "dual".equalsIgnoreCase(registration), pupil, leaving),
        null);
  }

  static final int FIELD_MAX = 40;
  static final int REASON_MAX = 500;

  /**
   * The faults of one row as one rejection (the register keeps one line a row): a single fault
   * as it is; several with their fields listed ("date, session") and each reason after its field.
   */
  static Rejection oneLine(int row, List<Rejection> faults) {
    if (faults.size() == 1) {
      return faults.get(0);
    }
    StringBuilder fields = new StringBuilder();
    StringBuilder reasons = new StringBuilder();
    for (Rejection fault : faults) {
      String more = (fields.length() == 0 ? "" : ", ") + fault.field();
      if (fields.length() + more.length() <= FIELD_MAX - 5) {
        fields.append(more);
      } else if (!fields.toString().endsWith("…")) {
        fields.append(", …");
      }
      reasons.append(reasons.length() == 0 ? "" : "; ").append(fault.field()).append(": ").append(fault.reason());
    }
    String reason = reasons.length() <= REASON_MAX ? reasons.toString() : reasons.substring(0, REASON_MAX - 1) + "…";
    return new Rejection(row, fields.toString(), reason);
  }

  /** The pupil's details when the row gives names, date of birth and year group, all valid; else null. */
  private PupilDetails pupil(int row, SentMark.Pupil sent, List<Rejection> problems) {
    if (sent == null || !sent.hasAnyName()) {
      return null;
    }
    String forename = name(row, "forename", text(row, "forename", sent.forename(), 100, true, problems), problems);
    String surname = name(row, "surname", text(row, "surname", sent.surname(), 100, true, problems), problems);
    String birth = trim(sent.dateOfBirth());
    LocalDate dateOfBirth = null;
    if (birth == null) {
      problems.add(new Rejection(row, "dateOfBirth", "is required with the pupil's names (YYYY-MM-DD)"));
    } else {
      try {
        dateOfBirth = LocalDate.parse(birth);
        if (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(30))) {
          problems.add(new Rejection(row, "dateOfBirth",
              RegistrationCertificate.DAY.format(dateOfBirth) + " is not a pupil's date of birth"));
        }
      } catch (DateTimeParseException e) {
        problems.add(new Rejection(row, "dateOfBirth", "'" + birth + "' is not a date (YYYY-MM-DD)"));
      }
    }
    String yearGroup = trim(sent.yearGroup());
    if (yearGroup == null) {
      problems.add(new Rejection(row, "yearGroup", "is required with the pupil's names: N1, N2, R, 1 to 14 or X"));
    } else if (!YEAR_GROUP.matcher(yearGroup.toUpperCase(Locale.ROOT)).matches()) {
      problems.add(new Rejection(row, "yearGroup", "'" + yearGroup + "' is not a year group: N1, N2, R, 1 to 14 or X"));
    }
    String sen = trim(sent.senProvision());
    if (sen != null && !List.of("K", "E", "N").contains(sen.toUpperCase(Locale.ROOT))) {
      problems.add(new Rejection(row, "senProvision", "'" + sen + "' is not K (SEN support), E (EHC plan) or N (none)"));
    }
    Boolean fsm = flag(row, "freeSchoolMeals", sent.freeSchoolMeals(), problems);
    Boolean socialWorker = flag(row, "socialWorker", sent.socialWorker(), problems);
    Boolean lookedAfter = flag(row, "lookedAfter", sent.lookedAfter(), problems);
    String address = text(row, "address", sent.address(), 500, false, problems);
    List<SentMark.Contact> contacts = null;
    if (sent.contacts() != null) {
      contacts = new ArrayList<>();
      int n = 0;
      for (SentMark.Contact contact : sent.contacts()) {
        n++;
        String name = name(row, "contact" + n + "Name", text(row, "contact" + n + "Name", contact.name(), 200, false, problems),
            problems);
        String contactAddress = text(row, "contact" + n + "Address", contact.address(), 500, false, problems);
        String relationship = text(row, "contact" + n + "Relationship", contact.relationship(), 40, false, problems);
        if (name != null) {
          contacts.add(new SentMark.Contact(name, relationship, contact.parentalResponsibility(), contactAddress));
        }
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new PupilDetails(forename, surname, dateOfBirth, yearGroup.toUpperCase(Locale.ROOT),
        sen == null ? null : sen.toUpperCase(Locale.ROOT), fsm, socialWorker, lookedAfter, address, contacts);
  }

  private static String text(int row, String field, String value, int max, boolean required, List<Rejection> problems) {
    String text = trim(value);
    if (text == null) {
      if (required) {
        problems.add(new Rejection(row, field, "is required with the pupil's names"));
      }
      return null;
    }
    if (text.length() > max) {
      problems.add(new Rejection(row, field, "must be at most " + max + " characters"));
    } else if (text.contains("${") || text.contains("#{") || MARKUP.matcher(text).find()) {
      problems.add(new Rejection(row, field, "must not contain markup or an expression"));
    }
    return text;
  }

  /** Names are names (the same rule as at every other way in, {@link PersonNames}). */
  private static String name(int row, String field, String value, List<Rejection> problems) {
    if (value != null && problems.stream().noneMatch(p -> p.field().equals(field)) && !PersonNames.isName(value)) {
      problems.add(new Rejection(row, field, PersonNames.RULE));
    }
    return value;
  }

  private static Boolean flag(int row, String field, String value, List<Rejection> problems) {
    String text = trim(value);
    if (text == null) {
      return null;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1":
        return true;
      case "false", "no", "n", "0":
        return false;
      default:
        problems.add(new Rejection(row, field, "'" + text + "' is not true or false"));
        return null;
    }
  }

  private static Outcome reject(int row, String field, String reason) {
    return new Outcome(null, new Rejection(row, field, reason));
  }

  static String trim(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
