package uk.schoolattendance.attendance;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The attendance section of a DfE Common Transfer File (CTF), read with StAX one pupil at a time
 * (docs/register.md). From the {@code <Header>}: the source school's {@code <URN>}, {@code <LEA>}
 * and {@code <Estab>}. From each {@code <Pupil>}: UPN, names, date of birth, {@code
 * <BasicDetails><NCyearActual>} and {@code <EnrolStatus>} (S: dual, subsidiary), free school
 * meals ({@code <FSMhistory>}: an instance with no end date), looked after ({@code
 * <LookedAfter><InCare>}), SEN provision ({@code <SENhistory>}: the latest; S counts as an EHC
 * plan, A and P as SEN support), the address, the {@code <Contacts>} (name, relationship,
 * parental responsibility, address or {@code <AddressAsPupil>}), and each {@code
 * <Attendance><YearData>} with its {@code <AttendSessions>}: {@code <AttendanceStartDate>} and
 * {@code <AttendanceMarks>}, one character per session, morning then afternoon, for each school
 * weekday from the start date (Saturdays and Sundays are not in the string unless {@code
 * attendance.register.ctf-weekends-in-marks}). A {@code -} or a space is no mark; a {@code #} on
 * a day that is not a school day is the school's closure, not a mark. A year of data names its
 * school by {@code <URN>} or, failing that, by the header's school when LEA and Estab match.
 * Each {@code <SchoolHistory><School>} with a {@code <LeavingDate>} and a school named the same
 * way is a leaving date: the evidence that the pupil's registration there ended.
 * DTDs and external entities are refused.
 */
final class CtfMarks {

  private final MarkSink sink;
  private final BiPredicate<String, LocalDate> isSchoolDay;
  private final boolean weekendsInMarks;
  private final Deque<String> path = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  private final Map<String, String> header = new LinkedHashMap<>();
  private PupilParts pupil;
  private int row;

  private CtfMarks(MarkSink sink, BiPredicate<String, LocalDate> isSchoolDay, boolean weekendsInMarks) {
    this.sink = sink;
    this.isSchoolDay = isSchoolDay;
    this.weekendsInMarks = weekendsInMarks;
  }

  static void read(
      InputStream in, MarkSink sink, BiPredicate<String, LocalDate> isSchoolDay, boolean weekendsInMarks) {
    new CtfMarks(sink, isSchoolDay, weekendsInMarks).read(in);
  }

  private void read(InputStream in) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader xml = null;
    boolean root = false;
    try {
      xml = factory.createXMLStreamReader(in, "UTF-8");
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (!root && !"CTfile".equals(xml.getLocalName())) {
              throw new InvalidInputException("body", "the file is not a Common Transfer File: its root element is <"
                  + xml.getLocalName() + ">, not <CTfile>");
            }
            root = true;
            start(xml.getLocalName());
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> end();
          default -> { }
        }
      }
    } catch (XMLStreamException e) {
      throw new InvalidInputException("body", "the file is not well-formed XML, so it is not a Common Transfer File"
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")"));
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // the stream is the request's: closing the reader is all there is to do
        }
      }
    }
  }

  private void start(String name) {
    path.addLast(name);
    text.setLength(0);
    String at = String.join("/", path);
    if (at.endsWith("CTFpupilData/Pupil")) {
      pupil = new PupilParts();
    } else if (pupil != null) {
      pupil.start(relative(at));
    }
  }

  private void end() {
    String at = String.join("/", path);
    String value = text.toString().trim();
    text.setLength(0);
    if (at.startsWith("CTfile/Header/SourceSchool/")) {
      header.put(path.peekLast(), value);
    } else if (at.endsWith("CTFpupilData/Pupil")) {
      emit(pupil);
      pupil = null;
    } else if (pupil != null) {
      pupil.end(relative(at), value);
    }
    path.removeLast();
  }

  private static String relative(String at) {
    int i = at.indexOf("/Pupil/");
    return i < 0 ? "" : at.substring(i + "/Pupil/".length());
  }

  private void emit(PupilParts p) {
    SentMark.Pupil details = p.details();
    Map<String, String> leaving = new LinkedHashMap<>();
    for (YearData school : p.history) {
      String urn = urnOf(school);
      if (urn != null && !urn.isBlank() && school.leavingDate != null && !school.leavingDate.isBlank()) {
        leaving.put(urn.trim(), school.leavingDate);
      }
    }
    for (YearData year : p.years) {
      String urn = urnOf(year);
      List<SentMark> marks = marks(p, year, urn, details, Map.copyOf(leaving));
      if (marks.isEmpty()) {
        continue;
      }
      if (urn == null || urn.isBlank()) {
        sink.reject(new Rejection(marks.get(0).row(), marks.size(), "urn",
            "the attendance of " + yearName(year) + " for pupil " + p.upn
                + " names its school by LEA " + year.lea + " and Estab " + year.estab
                + ", not by URN, and it is not the file's source school"));
        continue;
      }
      marks.forEach(sink::accept);
    }
  }

  /** The URN a year of data or a school of the history names, or the header's when LEA and Estab are its. */
  private String urnOf(YearData year) {
    return year.urn != null ? year.urn
        : year.lea != null && year.lea.equals(header.get("LEA")) && year.estab != null
            && year.estab.equals(header.get("Estab")) ? header.get("URN") : null;
  }

  /**
   * The year of data as the rest of the product writes academic years, "2025-26": from its start
   * date, else from its {@code Year} (the year the academic year starts in), else "a year".
   */
  static String yearName(YearData year) {
    if (year.startDate != null) {
      try {
        return "the academic year " + SchoolDays.academicYearName(LocalDate.parse(year.startDate.trim()));
      } catch (DateTimeParseException e) {
        // the Year then
      }
    }
    if (year.year != null && year.year.trim().matches("\\d{4}")) {
      int start = Integer.parseInt(year.year.trim());
      return "the academic year " + start + "-" + String.format(java.util.Locale.ROOT, "%02d", (start + 1) % 100);
    }
    return "a year";
  }

  private List<SentMark> marks(
      PupilParts p, YearData year, String urn, SentMark.Pupil details, Map<String, String> leaving) {
    List<SentMark> marks = new ArrayList<>();
    if (year.marks == null || year.marks.isEmpty()) {
      return marks;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(year.startDate == null ? "" : year.startDate);
    } catch (DateTimeParseException e) {
      sink.reject(new Rejection(row + 1, year.marks.length(), "AttendanceStartDate",
          "'" + year.startDate + "' is not a date (YYYY-MM-DD) for pupil " + p.upn));
      row += year.marks.length();
      return marks;
    }
    day = skipWeekend(day);
    for (int i = 0; i < year.marks.length(); i++) {
      if (i > 0 && i % 2 == 0) {
        day = skipWeekend(day.plusDays(1));
      }
      char c = year.marks.charAt(i);
      if (c == '-' || c == ' ' || (c == '#' && (urn == null || !isSchoolDay.test(urn, day)))) {
        continue;
      }
      row++;
      marks.add(new SentMark(row, p.upn, urn, day.toString(), i % 2 == 0 ? "AM" : "PM", String.valueOf(c),
          p.dual ? "dual" : "main", details, leaving));
    }
    return marks;
  }

  private LocalDate skipWeekend(LocalDate day) {
    if (weekendsInMarks) {
      return day;
    }
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** One year of a pupil's attendance, or one school of its history (a leaving date, no marks). */
  private static final class YearData {
    String leavingDate;
    String year;
    String urn;
    String lea;
    String estab;
    String startDate;
    String marks;
  }

  /** What a {@code <Pupil>} holds, collected until its end tag. */
  private static final class PupilParts {
    String upn;
    String forename;
    String surname;
    String dob;
    String yearGroup;
    boolean dual;
    Boolean fsm;
    boolean fsmInstanceEnded;
    Boolean inCare;
    String sen;
    final Address address = new Address();
    final List<ContactParts> contacts = new ArrayList<>();
    boolean contactsSent;
    final List<YearData> years = new ArrayList<>();
    final List<YearData> history = new ArrayList<>();

    void start(String at) {
      switch (at) {
        case "Contacts" -> contactsSent = true;
        case "Contacts/Contact" -> contacts.add(new ContactParts());
        case "Attendance/YearData" -> years.add(new YearData());
        case "SchoolHistory/School" -> history.add(new YearData());
        case "FSMhistory/FSMinstance" -> {
          fsm = Boolean.TRUE.equals(fsm) ? fsm : Boolean.FALSE;
          fsmInstanceEnded = false;
        }
        default -> { }
      }
    }

    void end(String at, String value) {
      switch (at) {
        case "UPN" -> upn = value;
        case "Forename" -> forename = value;
        case "Surname" -> surname = value;
        case "DOB" -> dob = value;
        case "BasicDetails/NCyearActual" -> yearGroup = value;
        case "BasicDetails/EnrolStatus" -> dual = "S".equalsIgnoreCase(value);
        case "FSMhistory/FSMinstance/FSMendDate" -> fsmInstanceEnded = !value.isEmpty();
        case "FSMhistory/FSMinstance" -> fsm = fsm || !fsmInstanceEnded; // eligible while an instance is open
        case "LookedAfter/InCare" -> inCare = "true".equalsIgnoreCase(value);
        case "SENhistory/SEN/SENprovision" -> sen = senProvision(value);
        case "Attendance/YearData/Year" -> last(years).year = value;
        case "Attendance/YearData/URN" -> last(years).urn = value;
        case "Attendance/YearData/LEA" -> last(years).lea = value;
        case "Attendance/YearData/Estab" -> last(years).estab = value;
        case "Attendance/YearData/AttendSessions/AttendanceStartDate" -> last(years).startDate = value;
        case "Attendance/YearData/AttendSessions/AttendanceMarks" -> last(years).marks = value;
        case "SchoolHistory/School/URN" -> last(history).urn = value;
        case "SchoolHistory/School/LEA" -> last(history).lea = value;
        case "SchoolHistory/School/Estab" -> last(history).estab = value;
        case "SchoolHistory/School/LeavingDate" -> last(history).leavingDate = value;
        default -> {
          if (at.startsWith("Address/")) {
            address.part(at.substring("Address/".length()), value);
          } else if (at.startsWith("Contacts/Contact/") && !contacts.isEmpty()) {
            last(contacts).part(at.substring("Contacts/Contact/".length()), value);
          }
        }
      }
    }

    SentMark.Pupil details() {
      List<SentMark.Contact> sent = null;
      if (contactsSent) {
        sent = new ArrayList<>();
        contacts.sort(java.util.Comparator.comparingInt(c -> c.order));
        for (ContactParts c : contacts) {
          String name = join(" ", c.title, c.forename, c.surname);
          if (name != null) {
            sent.add(new SentMark.Contact(name, relationship(c.relationship), c.responsibility,
                c.asPupil ? address.text() : c.address.text()));
          }
        }
      }
      return new SentMark.Pupil(forename, surname, dob, yearGroup, sen,
          fsm == null ? null : fsm.toString(), null, inCare == null ? null : inCare.toString(), address.text(), sent);
    }

    private static String senProvision(String value) {
      return switch (value.toUpperCase(java.util.Locale.ROOT)) {
        case "E", "S" -> "E";
        case "K", "A", "P" -> "K";
        case "N" -> "N";
        default -> value;
      };
    }

    /** The DfE's relationship codes (CBDS) as words. */
    private static String relationship(String code) {
      if (code == null) {
        return null;
      }
      return switch (code.toUpperCase(java.util.Locale.ROOT)) {
        case "PAM" -> "mother";
        case "PAF" -> "father";
        case "CAR" -> "carer";
        case "STM" -> "step-mother";
        case "STF" -> "step-father";
        case "FOM" -> "foster mother";
        case "FOF" -> "foster father";
        case "OTH" -> "other";
        default -> code;
      };
    }

    private static <T> T last(List<T> list) {
      return list.get(list.size() - 1);
    }
  }

  /** A contact as the CTF lists it. */
  private static final class ContactParts {
    int order = Integer.MAX_VALUE;
    String title;
    String forename;
    String surname;
    String relationship;
    Boolean responsibility;
    boolean asPupil;
    final Address address = new Address();

    void part(String at, String value) {
      switch (at) {
        case "Order" -> order = value.matches("\\d{1,6}") ? Integer.parseInt(value) : order;
        case "Title" -> title = value;
        case "Forename" -> forename = value;
        case "Surname" -> surname = value;
        case "Relationship" -> relationship = value;
        case "Responsibility" -> responsibility = "true".equalsIgnoreCase(value) || "1".equals(value);
        case "Address/AddressAsPupil" -> asPupil = "true".equalsIgnoreCase(value) || "1".equals(value);
        default -> {
          if (at.startsWith("Address/")) {
            address.part(at.substring("Address/".length()), value);
          }
        }
      }
    }
  }

  /** A BS7666 address or address lines, and the postcode, as one line of text. */
  private static final class Address {
    final Map<String, String> parts = new LinkedHashMap<>();

    void part(String at, String value) {
      String name = at.contains("/") ? at.substring(at.lastIndexOf('/') + 1) : at;
      if (!value.isEmpty() && List.of("SAON", "PAON", "Street", "Locality", "Town", "AdministrativeArea", "PostTown",
          "County", "AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "AddressLine5", "Postcode",
          "Zip").contains(name)) {
        parts.put(name, value);
      }
    }

    String text() {
      if (parts.isEmpty()) {
        return null;
      }
      Map<String, String> lines = new LinkedHashMap<>(parts);
      String paon = lines.remove("PAON");
      if (paon != null) {
        String street = lines.remove("Street");
        lines.put("SAON", join(", ", lines.remove("SAON"), join(" ", paon, street)));
      }
      return join(", ", List.of("SAON", "Street", "Locality", "Town", "AdministrativeArea", "PostTown", "County",
              "AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "AddressLine5", "Postcode", "Zip").stream()
          .map(lines::get).toArray(String[]::new));
    }
  }

  private static String join(String separator, String... values) {
    List<String> present = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        present.add(value.trim());
      }
    }
    return present.isEmpty() ? null : String.join(separator, present);
  }
}
