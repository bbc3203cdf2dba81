package uk.schoolattendance.attendance;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.AttendanceRegister.Pupil;
import uk.schoolattendance.attendance.AttendanceRegister.RegisterMark;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.KeptTogether;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The registration (attendance) certificate (contract: {@code GET
 * /api/pupils/{upn}/registration-certificate}): the pupil, the school, every session's mark over
 * the period with its meaning, the totals counted exactly as the figures count them (possible
 * sessions are every mark but the not-possible codes), and the signatory. Evidence for the court
 * (Education Act 1996 s566) and for a penalty notice; a PDF made with OpenPDF. Every page names
 * the pupil, their UPN and school and says "Page N of M", so a loose page of an exhibit is tied to
 * the child; a weekday of the period on which the school was closed by its calendar (holiday,
 * INSET day, bank holiday) and that has no mark is a {@code #} row (planned school closure), not a
 * possible session.
 */
@Component
public class RegistrationCertificate {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.UK);
  private static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD);
  private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
  private static final Font BODY = new Font(Font.HELVETICA, 9);
  private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
  private static final Font FOOTER = new Font(Font.HELVETICA, 8);
  /** The register's code for a planned whole or partial school closure. */
  static final String CLOSED = "#";
  /** A session of a school day with no mark in the register (the school has not sent one). */
  static final String NO_MARK = "-";

  /**
   * The sessions of a period, counted as the figures count them; {@code notCounted} includes the
   * {@code closed} sessions of the days the school was closed by its calendar (the certificate's
   * {@code #} rows), so possible and not counted add up to every session the certificate shows.
   */
  public record Totals(int possible, int present, int authorised, int unauthorised, int notCounted, int closed) {

    /** Present ÷ possible × 100 to one decimal place, or null with no possible session. */
    public Double attendancePercent() {
      return Figures.rounded(Figures.percent(present, possible));
    }

    /** From the period's marks and the days the school was closed that have no mark (two sessions each). */
    static Totals of(List<RegisterMark> marks, List<LocalDate> closedDays) {
      int present = 0;
      int authorised = 0;
      int unauthorised = 0;
      int notCounted = 0;
      for (RegisterMark mark : marks) {
        switch (mark.category()) {
          case "P" -> present++;
          case "A" -> authorised++;
          case "U" -> unauthorised++;
          default -> notCounted++;
        }
      }
      int closed = 2 * closedDays.size();
      return new Totals(present + authorised + unauthorised, present, authorised, unauthorised, notCounted + closed, closed);
    }
  }

  private final AttendanceRegister register;
  private final SchoolDirectory schools;
  private final CertificateProperties properties;
  private final RegisterCalendars calendars;

  RegistrationCertificate(
      AttendanceRegister register, SchoolDirectory schools, CertificateProperties properties, RegisterCalendars calendars) {
    this.register = register;
    this.schools = schools;
    this.properties = properties;
    this.calendars = calendars;
  }

  /** The certificate as a PDF, for a pupil the caller may read, over {@code from}–{@code to} (both included). */
  public byte[] pdf(Pupil pupil, LocalDate from, LocalDate to, LocalDate issuedOn) {
    check(from, to);
    List<RegisterMark> marks = register.marks(pupil.upn(), from, to);
    List<LocalDate> closed = closedDays(pupil, marks, from, to);
    List<List<Session>> unmarked = unmarkedSessions(pupil, marks, from, to.isAfter(issuedOn) ? issuedOn : to);
    // written twice: the first time counts the pages each page's "Page N of M" names
    byte[] draft = render(pupil, marks, closed, unmarked, from, to, issuedOn, 0);
    return render(pupil, marks, closed, unmarked, from, to, issuedOn, pages(draft));
  }

  private static int pages(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      int pages = reader.getNumberOfPages();
      reader.close();
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] render(
      Pupil pupil, List<RegisterMark> marks, List<LocalDate> closed, List<List<Session>> unmarked, LocalDate from, LocalDate to,
      LocalDate issuedOn, int pages) {
    Totals totals = Totals.of(marks, closed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 48, 48, 48, 56);
    String footer = "Registration certificate of " + pupil.name() + ", UPN " + pupil.upn() + ", " + schoolNames(marks, pupil);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PdfPageEventHelper() {
        @Override
        public void onEndPage(PdfWriter pdf, Document page) {
          ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_LEFT, new Phrase(footer, FOOTER),
              page.left(), page.bottom() - 24, 0);
          ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_RIGHT,
              new Phrase("Page " + pdf.getPageNumber() + " of " + pages, FOOTER), page.right(), page.bottom() - 36, 0);
        }
      });
      document.addTitle("Registration certificate " + pupil.upn());
      document.open();
      document.add(new Paragraph("Registration certificate (certificate of attendance)", TITLE));
      document.add(new Paragraph("An extract of the school's attendance register, Education Act 1996 section 566.", BODY));
      document.add(spacer());
      document.add(details(pupil, marks, from, to));
      document.add(new Paragraph("Marks, session by session", HEADING));
      document.add(marksTable(marks, closed, unmarked));
      document.add(new Paragraph("What the codes mean", HEADING));
      document.add(codes(marks, !closed.isEmpty(), !unmarked.isEmpty()));
      // the totals, the statement and the signature on one page: what is signed is never a page of its own
      List<Element> closing = new ArrayList<>();
      closing.add(new Paragraph("Totals for the period", HEADING));
      for (String line : totalLines(totals)) {
        closing.add(new Paragraph(line, BODY));
      }
      closing.add(new Paragraph(unmarkedLine(unmarked), BODY));
      closing.add(spacer());
      closing.add(new Paragraph(properties.statement(), BODY));
      closing.add(spacer());
      closing.add(new Paragraph("Signed: ____________________________    Name: ____________________________", BODY));
      closing.add(new Paragraph("Signatory: " + properties.signatory() + ", " + schoolNames(marks, pupil), BODY));
      closing.add(new Paragraph("Date of issue: " + DAY.format(issuedOn), BODY));
      document.add(KeptTogether.of(closing.toArray(Element[]::new)));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the registration certificate could not be written", e);
    }
    return out.toByteArray();
  }

  /** The totals as the certificate prints them (one line each). */
  static List<String> totalLines(Totals totals) {
    Double percent = totals.attendancePercent();
    return List.of(
        "Possible sessions: " + totals.possible(),
        "Present (including approved educational activity): " + totals.present(),
        "Authorised absence: " + totals.authorised(),
        "Unauthorised absence: " + totals.unauthorised(),
        "Attendance: " + (percent == null ? "no possible session" : String.format(Locale.UK, "%.1f %%", percent)),
        "Sessions not counted as possible: " + totals.notCounted()
            + (totals.closed() == 0 ? "" : " (" + totals.closed() + " of them on days the school was closed, " + CLOSED + ")"));
  }

  private void check(LocalDate from, LocalDate to) {
    if (from == null) {
      throw new InvalidInputException("from", "is required, a date (YYYY-MM-DD)");
    }
    if (to == null) {
      throw new InvalidInputException("to", "is required, a date (YYYY-MM-DD)");
    }
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "must be on or after from (" + from + ")");
    }
    if (from.plusDays(properties.maxDays()).isBefore(to)) {
      throw new InvalidInputException("to", "a certificate covers at most " + properties.maxDays() + " days");
    }
  }

  private PdfPTable details(Pupil pupil, List<RegisterMark> marks, LocalDate from, LocalDate to) {
    PdfPTable table = new PdfPTable(new float[] {1, 3});
    table.setWidthPercentage(100);
    row(table, "Pupil", pupil.name());
    row(table, "Unique Pupil Number", pupil.upn());
    row(table, "Date of birth", DAY.format(pupil.dateOfBirth()));
    row(table, "School", schoolNames(marks, pupil));
    row(table, "Period", DAY.format(from) + " to " + DAY.format(to));
    table.setSpacingAfter(8);
    return table;
  }

  /**
   * The weekdays of the period without a mark on which every school the pupil has marks at in it
   * (else their school) was closed by its calendar: the register shows them as {@code #}. None
   * when no calendar is known.
   */
  private List<LocalDate> closedDays(Pupil pupil, List<RegisterMark> marks, LocalDate from, LocalDate to) {
    Collection<SchoolDays> known = calendarsOf(pupil, marks).values();
    Set<LocalDate> marked = new HashSet<>();
    marks.forEach(mark -> marked.add(mark.date()));
    List<LocalDate> closed = new ArrayList<>();
    for (LocalDate day = from; !known.isEmpty() && !day.isAfter(to); day = day.plusDays(1)) {
      final LocalDate d = day;
      boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
      if (weekday && !marked.contains(day) && known.stream().allMatch(k -> k.covers(d) && !k.isSchoolDay(d))) {
        closed.add(day);
      }
    }
    return closed;
  }

  /** A school-day session with no mark in the register. */
  record Session(LocalDate day, String session) {

    String shown() {
      return DAY.format(day) + " " + session;
    }
  }

  /**
   * The stretches of unmarked sessions the line names before "and N more": the line sits in the
   * block of totals, statement and signature that is kept on one page, so it must stay a few lines
   * long however long the gap; every unmarked session is still a {@code -} in the table above.
   */
  static final int STRETCHES_NAMED = 10;

  /**
   * The line naming the school-day sessions of the period with no mark, in unbroken stretches (a
   * marked session ends one; days that are not school days do not): a gap in the evidence is said,
   * not hidden, and a long gap stays one short line.
   */
  static String unmarkedLine(List<List<Session>> stretches) {
    if (stretches.isEmpty()) {
      return "Sessions with no mark in the register: none (every session of the school's days has a mark)";
    }
    int total = stretches.stream().mapToInt(List::size).sum();
    List<String> named = stretches.stream().limit(STRETCHES_NAMED).map(RegistrationCertificate::stretch).toList();
    int more = stretches.stream().skip(STRETCHES_NAMED).mapToInt(List::size).sum();
    return "Sessions with no mark in the register: " + total + " (" + String.join(", ", named)
        + (more == 0 ? "" : ", and " + more + " more in the table") + "), shown as " + NO_MARK
        + ": neither possible nor counted";
  }

  /** "18 November 2026 PM", "20 November 2026 AM and PM", "16 November 2026 AM to 20 November 2026 PM (10 sessions)". */
  private static String stretch(List<Session> sessions) {
    Session first = sessions.get(0);
    Session last = sessions.get(sessions.size() - 1);
    if (sessions.size() == 1) {
      return first.shown();
    }
    if (first.day().equals(last.day())) {
      return DAY.format(first.day()) + " AM and PM";
    }
    return first.shown() + " to " + last.shown() + " (" + sessions.size() + " sessions)";
  }

  /**
   * The sessions with no mark, up to {@code until}, of the days that were school days (by the
   * calendar of a school the pupil has marks at in the period, else their school) while the pupil
   * was on that school's roll (their enrolment there, from its first day through its leaving date):
   * a day before the pupil was admitted or after they left is not the school's gap. In unbroken
   * stretches, in date order.
   */
  private List<List<Session>> unmarkedSessions(Pupil pupil, List<RegisterMark> marks, LocalDate from, LocalDate until) {
    Map<String, SchoolDays> known = calendarsOf(pupil, marks);
    Map<String, AttendanceRegister.Enrolment> enrolments = known.isEmpty() ? Map.of() : register.enrolments(pupil.id());
    Set<String> marked = new HashSet<>();
    marks.forEach(mark -> marked.add(mark.date() + " " + mark.session()));
    List<List<Session>> stretches = new ArrayList<>();
    List<Session> current = new ArrayList<>();
    for (LocalDate day = from; !known.isEmpty() && !day.isAfter(until); day = day.plusDays(1)) {
      final LocalDate d = day;
      boolean onRollOnSchoolDay = known.entrySet().stream().anyMatch(k -> k.getValue().isSchoolDay(d)
          && enrolments.containsKey(k.getKey()) && enrolments.get(k.getKey()).onRoll(d));
      if (!onRollOnSchoolDay) {
        // a school day of a known calendar with the pupil off that roll (between leaving one school and
        // joining the next) ends the stretch; only a day no school opens (a weekend, a holiday) is stepped over
        if (!current.isEmpty() && known.values().stream().anyMatch(k -> k.isSchoolDay(d))) {
          stretches.add(current);
          current = new ArrayList<>();
        }
        continue;
      }
      for (String session : List.of("AM", "PM")) {
        if (!marked.contains(day + " " + session)) {
          current.add(new Session(day, session));
        } else if (!current.isEmpty()) {
          stretches.add(current);
          current = new ArrayList<>();
        }
      }
    }
    if (!current.isEmpty()) {
      stretches.add(current);
    }
    return stretches;
  }

  /** The URNs of the schools the pupil has marks at in the period, else their school. */
  private static TreeSet<String> urnsOf(Pupil pupil, List<RegisterMark> marks) {
    TreeSet<String> urns = new TreeSet<>();
    marks.forEach(mark -> urns.add(mark.schoolUrn()));
    if (urns.isEmpty() && pupil.schoolUrn() != null) {
      urns.add(pupil.schoolUrn());
    }
    return urns;
  }

  /** The calendars known of {@link #urnsOf} those schools, by URN. */
  private Map<String, SchoolDays> calendarsOf(Pupil pupil, List<RegisterMark> marks) {
    Map<String, SchoolDays> known = new TreeMap<>();
    for (String urn : urnsOf(pupil, marks)) {
      SchoolDays days = urn.matches("\\d{1,9}") ? calendars.of(Integer.parseInt(urn)) : null;
      if (days != null) {
        known.put(urn, days);
      }
    }
    return known;
  }

  private PdfPTable marksTable(List<RegisterMark> marks, List<LocalDate> closed, List<List<Session>> unmarked) {
    boolean severalSchools = marks.stream().map(RegisterMark::schoolUrn).distinct().count() > 1;
    PdfPTable table = severalSchools ? new PdfPTable(new float[] {3, 1, 1, 1, 2}) : new PdfPTable(new float[] {3, 1, 1, 1});
    table.setWidthPercentage(severalSchools ? 80 : 60);
    table.setHorizontalAlignment(Element.ALIGN_LEFT);
    table.setHeaderRows(1);
    for (String heading : severalSchools ? List.of("Date", "Day", "AM", "PM", "School URN") : List.of("Date", "Day", "AM", "PM")) {
      table.addCell(new PdfPCell(new Phrase(heading, SMALL_BOLD)));
    }
    // by date (ISO text sorts by date); a closed day has no school
    Map<String, String[]> days = new TreeMap<>();
    for (LocalDate day : closed) {
      days.put(day + " ", new String[] {CLOSED, CLOSED});
    }
    for (RegisterMark mark : marks) {
      String[] day = days.computeIfAbsent(mark.date() + " " + mark.schoolUrn(), k -> new String[] {NO_MARK, NO_MARK});
      day["AM".equals(mark.session()) ? 0 : 1] = mark.code();
    }
    for (Session session : unmarked.stream().flatMap(List::stream).toList()) {
      LocalDate date = session.day();
      boolean hasRow = days.keySet().stream().anyMatch(key -> key.startsWith(date.toString()));
      if (!hasRow) {
        days.put(date + " ", new String[] {NO_MARK, NO_MARK});
      }
    }
    if (days.isEmpty()) {
      PdfPCell none = new PdfPCell(new Phrase("No marks in the register for this period.", BODY));
      none.setColspan(severalSchools ? 5 : 4);
      table.addCell(none);
    }
    days.forEach((key, sessions) -> {
      LocalDate date = LocalDate.parse(key.substring(0, 10));
      table.addCell(new Phrase(DAY.format(date), BODY));
      table.addCell(new Phrase(WEEKDAY.format(date), BODY));
      table.addCell(new Phrase(sessions[0], BODY));
      table.addCell(new Phrase(sessions[1], BODY));
      if (severalSchools) {
        table.addCell(new Phrase(key.substring(11), BODY));
      }
    });
    table.setSpacingBefore(6); // below its heading, not through it
    table.setSpacingAfter(8);
    return table;
  }

  private PdfPTable codes(List<RegisterMark> marks, boolean closedDays, boolean unmarkedSessions) {
    Map<String, String> counts = new TreeMap<>();
    for (RegisterMark mark : marks) {
      counts.putIfAbsent(mark.code(), switch (mark.category()) {
        case "P" -> "present";
        case "A" -> "authorised absence";
        case "U" -> "unauthorised absence";
        default -> "not a possible session";
      });
    }
    if (closedDays) {
      counts.putIfAbsent(CLOSED, "not a possible session");
    }
    if (unmarkedSessions) {
      counts.putIfAbsent(NO_MARK, "not counted: the register has no mark for this session");
    }
    PdfPTable table = new PdfPTable(new float[] {1, 6, 3});
    table.setSpacingBefore(6); // below its heading, not through it
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String heading : List.of("Code", "Meaning", "Counts as")) {
      table.addCell(new PdfPCell(new Phrase(heading, SMALL_BOLD)));
    }
    counts.forEach((code, countsAs) -> {
      table.addCell(new Phrase(code, BODY));
      table.addCell(new Phrase(NO_MARK.equals(code) ? "no mark in the register" : properties.meaning(code), BODY));
      table.addCell(new Phrase(countsAs, BODY));
    });
    table.setSpacingAfter(8);
    return table;
  }

  private String schoolNames(List<RegisterMark> marks, Pupil pupil) {
    List<String> names = new ArrayList<>();
    for (String urn : urnsOf(pupil, marks)) {
      names.add(schools.find(urn).map(s -> s.name() + " (URN " + urn + ")").orElse("URN " + urn));
    }
    return String.join("; ", names);
  }

  private static void row(PdfPTable table, String label, String value) {
    table.addCell(new PdfPCell(new Phrase(label, SMALL_BOLD)));
    table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, BODY)));
  }

  private static Paragraph spacer() {
    return new Paragraph(" ", BODY);
  }
}
