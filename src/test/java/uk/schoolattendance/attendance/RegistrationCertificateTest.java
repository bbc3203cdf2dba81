package uk.schoolattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.process.Upn;

/**
 * The registration certificate (issue #15): the pupil's marks session by session, the codes'
 * meanings, the totals, the school and the signatory, as a PDF whose totals are the figures API's
 * for the same period, under the same authorizations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@SuppressWarnings("rawtypes")
class RegistrationCertificateTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @RegisterExtension static final RegisterDay DAY = new RegisterDay(TODAY);
  static final LocalDate YEAR_START = LocalDate.of(2026, 9, 1);

  @Autowired TestRestTemplate rest;
  @Autowired RegisterCalendars calendars;

  @Test
  void theCertificatesTotalsAreTheFiguresOfTheSamePeriodWithEverySessionAndWhatItsCodeMeans() throws IOException {
    String upn = Upn.of(700_500_000_001L);
    CsvFile file = new CsvFile().days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 9, 2), LocalDate.of(2026, 11, 24),
        (day, session) -> switch (day.getDayOfMonth() % 9) {
          case 0 -> "G";
          case 1 -> session.equals("AM") ? "N" : "/";
          case 2 -> "I";
          case 3 -> session.equals("AM") ? "L" : "M";
          case 4 -> session.equals("PM") ? "#" : "\\";
          default -> session.equals("AM") ? "/" : "\\";
        });
    assertThat(RegisterApi.importCsv(rest, "datateam", file.text()).getBody()).containsEntry("rowsRejected", 0);
    LocalDate asOf = LocalDate.of(2026, 11, 20);
    Map figures = RegisterApi.get(rest, "school2", "/api/pupils/" + upn + "/attendance?asOf=" + asOf).getBody();

    ResponseEntity<byte[]> answer = certificate("school2", upn, YEAR_START, asOf);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String text = text(answer.getBody());

    assertThat(total(text, "Possible sessions")).isEqualTo(figures.get("possibleSessions"));
    assertThat(total(text, "Present \\(including approved educational activity\\)")).isEqualTo(figures.get("presentSessions"));
    assertThat(total(text, "Authorised absence")).isEqualTo(figures.get("authorisedAbsence"));
    assertThat(total(text, "Unauthorised absence")).isEqualTo(figures.get("unauthorisedAbsence"));
    assertThat(text).contains("Attendance: " + String.format(java.util.Locale.UK, "%.1f %%", (Double) figures.get("attendancePercent")));
    assertThat((Integer) figures.get("unauthorisedAbsence")).isPositive();

    assertThat(text)
        .contains("Sam " + CsvFile.surname(upn)).contains(upn).contains("1 May 2015")
        .contains("Hillcrest Academy (URN 100002)")
        .contains("1 September 2026 to 20 November 2026")
        .contains("holiday not granted by the school").contains("reason not (yet) provided").contains("illness")
        .contains("planned whole or partial school closure")
        .contains("Signatory: Head teacher, or a person authorised by the head teacher")
        .contains("Date of issue: 25 November 2026")
        .doesNotContain("23 November 2026");
    // session by session: each school day's AM and PM marks (Hillcrest's INSET days 2 and 3 September have none)
    assertThat(text.replace(" ", ""))
        .contains("4September2026Fri\\#").contains("9September2026WedGG").contains("10September2026ThuN/")
        .contains("21September2026MonLM").contains("2September2026Wed##"); // Hillcrest's INSET day: a # row
  }

  @Test
  void everyPageNamesThePupilAndItsNumberOfPagesTheHeadingsClearTheirTablesAndClosedDaysAreHashRows() throws IOException {
    String upn = Upn.of(700_500_000_003L);
    RegisterApi.importCsv(rest, "datateam", new CsvFile()
        .days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 9, 2), LocalDate.of(2026, 11, 24), (d, s) -> "/").text());
    byte[] pdf = certificate("school2", upn, YEAR_START, LocalDate.of(2026, 11, 24)).getBody();
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "letters", "registration-certificate.pdf"), pdf); // to look at

    PdfReader reader = new PdfReader(pdf);
    int pages = reader.getNumberOfPages();
    assertThat(pages).isGreaterThan(1);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= pages; page++) {
      // a loose page of a court exhibit is tied to the child
      assertThat(extractor.getTextFromPage(page).replaceAll("\\s+", " "))
          .contains("Sam " + CsvFile.surname(upn) + ", UPN " + upn + ", Hillcrest Academy (URN 100002)")
          .contains("Page " + page + " of " + pages);
    }
    reader.close();

    // each heading's letters (from its baseline 3 pt down to 11 pt up) are clear of its table's top border
    for (String heading : new String[] {"Marks, session by session", "What the codes mean"}) {
      for (int page = 1; page <= pages; page++) {
        PdfLayout layout = PdfLayout.of(pdf, page);
        if (layout.texts.stream().anyMatch(t -> t.text().strip().equals(heading))) {
          float baseline = layout.baselineOf(heading);
          assertThat(layout.rulesBetween(baseline - 3, baseline + 11)).as(heading + " over a rule").isEmpty();
        }
      }
    }

    // the days the school was closed in the period are # rows, not possible sessions: the summer holiday's
    // 1 September, the INSET days 2 and 3 September, Hillcrest's October half term (19 to 23 October)
    String text = text(pdf).replace(" ", "");
    assertThat(text).contains("1September2026Tue##").contains("2September2026Wed##").contains("3September2026Thu##")
        .contains("19October2026Mon##").contains("23October2026Fri##").doesNotContain("24October2026")
        .contains("4September2026Fri//");
    assertThat(total(text(pdf), "Possible sessions")).isEqualTo(
        (Integer) RegisterApi.get(rest, "school2", "/api/pupils/" + upn + "/attendance?asOf=2026-11-24").getBody()
            .get("possibleSessions"));

    // a clerk adding the page: every session shown is either possible or counted as not possible; the
    // closed days' # sessions (1 to 3 September, 19 to 23 October: 8 days) are among those not counted
    // (the text of a table row runs its cells together: "1 September 2026Tue##"; a mark is one character)
    Matcher row = Pattern.compile("\\d{1,2}[A-Z][a-z]+2026(Mon|Tue|Wed|Thu|Fri)(\\S)(\\S)").matcher(text);
    int shown = 0;
    int closed = 0;
    while (row.find()) {
      for (String session : new String[] {row.group(2), row.group(3)}) {
        shown++;
        closed += session.equals("#") ? 1 : 0;
      }
    }
    assertThat(closed).isEqualTo(16);
    assertThat(total(text(pdf), "Sessions not counted as possible")).isEqualTo(closed);
    assertThat(total(text(pdf), "Possible sessions") + total(text(pdf), "Sessions not counted as possible")).isEqualTo(shown);
    assertThat(text(pdf)).contains("Sessions not counted as possible: 16 (16 of them on days the school was closed, #)");

    // the totals, the statement and the signature share the last page: nothing signed stands alone
    PdfReader again = new PdfReader(pdf);
    String last = new PdfTextExtractor(again).getTextFromPage(again.getNumberOfPages()).replaceAll("\\s+", " ");
    again.close();
    assertThat(last).contains("Totals for the period").contains("Possible sessions").contains("Signed:")
        .contains("Date of issue: 25 November 2026");
  }

  @Test
  void theSessionsOfTheSchoolsDaysWithNoMarkAreNamedNotLeftOut() throws IOException {
    String upn = Upn.of(700_500_000_013L);
    // 16 to 20 November: Wednesday's afternoon and all of Friday never sent
    CsvFile file = new CsvFile().days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 11, 16),
        LocalDate.of(2026, 11, 19), (d, s) -> "/");
    String csv = file.text().replace("\n" + upn + ",100002,2026-11-18,PM,/", "");
    assertThat(RegisterApi.importCsv(rest, "datateam", csv).getBody()).containsEntry("rowsRejected", 0)
        .containsEntry("rowsAccepted", 7);

    String text = text(certificate("school2", upn, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 20)).getBody());
    assertThat(text).contains("Sessions with no mark in the register: 3 (18 November 2026 PM, 20 November 2026 AM and PM),"
        + " shown as -: neither possible nor counted");
    assertThat(text.replace(" ", "")).contains("18November2026Wed/-").contains("20November2026Fri--")
        .contains("-nomarkintheregister");
    assertThat(total(text, "Possible sessions")).isEqualTo(7);
  }

  @Test
  void aPupilAdmittedMidPeriodHasNoGapBeforeTheAdmission() throws IOException {
    String upn = Upn.of(700_500_000_014L);
    // admitted on Wednesday 18 November: the school's register starts there; Friday 20 November never sent
    assertThat(RegisterApi.importCsv(rest, "datateam", new CsvFile().days(upn, "100002", calendars.of(100002),
        LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 19), (d, s) -> "/").text()).getBody())
        .containsEntry("rowsRejected", 0);

    String text = text(certificate("school2", upn, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 20)).getBody());
    // 16 and 17 November were before the pupil was on the roll: not the school's missing marks
    assertThat(text).contains("Sessions with no mark in the register: 2 (20 November 2026 AM and PM), shown as -");
    assertThat(text.replace(" ", "")).contains("20November2026Fri--")
        .doesNotContain("16November2026Mon").doesNotContain("17November2026Tue");
    assertThat(total(text, "Possible sessions")).isEqualTo(4);
  }

  /**
   * Review 4 S4: the school days between leaving one school and joining the next are no school's gap,
   * so an unmarked stretch at the first school ends there and does not run on into the next school's.
   */
  @Test
  void anUnmarkedStretchEndsWhereThePupilWasOffRoll() throws IOException {
    String upn = Upn.of(700_500_000_016L);
    // at Riverside to Wednesday 11 November (leaving date), no marks sent for that day
    StringBuilder riverside = new StringBuilder("upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,leavingDate\n");
    for (String day : List.of("2026-11-09", "2026-11-10")) {
      for (String session : List.of("AM", "PM")) {
        riverside.append(upn).append(",100001,").append(day).append(',').append(session)
            .append(",/,Rory,Gap,2016-05-01,5,2026-11-11\n");
      }
    }
    assertThat(RegisterApi.importCsv(rest, "datateam", riverside.toString()).getBody()).containsEntry("rowsRejected", 0);
    // off roll on Thursday 12 and Friday 13; at Hillcrest from Monday 16 November, whose morning has no mark
    assertThat(RegisterApi.importCsv(rest, "datateam", "upn,urn,date,session,code\n" + upn + ",100002,2026-11-16,PM,/\n"
        + upn + ",100002,2026-11-17,AM,/\n" + upn + ",100002,2026-11-17,PM,/\n").getBody()).containsEntry("rowsRejected", 0);

    String text = text(certificate("officer", upn, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 17)).getBody());
    assertThat(text).as(text).contains("Sessions with no mark in the register: 3 (11 November 2026 AM and PM,"
        + " 16 November 2026 AM), shown as -");
  }

  @Test
  void aLongGapIsNamedInStretchesAndAFewOfThemSoTheSignatureBlockKeepsItsPage() throws IOException {
    String upn = Upn.of(700_500_000_015L);
    // a term of mornings only: every afternoon from 4 September to 24 November has no mark
    String csv = new CsvFile().days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 9, 4),
        LocalDate.of(2026, 11, 24), (d, s) -> "/").text().lines().filter(line -> !line.contains(",PM,"))
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(RegisterApi.importCsv(rest, "datateam", csv).getBody()).containsEntry("rowsRejected", 0);

    byte[] pdf = certificate("school2", upn, LocalDate.of(2026, 9, 4), LocalDate.of(2026, 11, 24)).getBody();
    String text = text(pdf);
    int afternoons = total(text, "Present \\(including approved educational activity\\)");
    Matcher line = Pattern.compile("Sessions with no mark in the register: (\\d+) \\(4 September 2026 PM, 7 September 2026 PM,"
        + "[^)]*, and (\\d+) more in the table\\), shown as -").matcher(text);
    assertThat(line.find()).as(text).isTrue();
    assertThat(Integer.parseInt(line.group(1))).isEqualTo(afternoons);
    assertThat(Integer.parseInt(line.group(2))).isEqualTo(afternoons - RegistrationCertificate.STRETCHES_NAMED);

    PdfReader reader = new PdfReader(pdf);
    String last = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages()).replaceAll("\\s+", " ");
    reader.close();
    assertThat(last).contains("Totals for the period").contains("Sessions with no mark in the register")
        .contains("Signed:").contains("Date of issue: 25 November 2026");
  }

  @Test
  void aSchoolGetsNoCertificateForAnotherSchoolsPupilAndABackwardPeriodIsRefusedByName() {
    String upn = Upn.of(700_500_000_002L);
    RegisterApi.importCsv(rest, "datateam", new CsvFile()
        .days(upn, "100002", calendars.of(100002), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 6), (d, s) -> "/").text());

    assertThat(certificate("school1", upn, YEAR_START, TODAY).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(certificate("officer", upn, YEAR_START, TODAY).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> backwards = rest.withBasicAuth("school2", "school2").getForEntity(
        "/api/pupils/" + upn + "/registration-certificate?from=2026-11-06&to=2026-11-02", String.class);
    assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(backwards.getBody()).contains("to").contains("on or after from");
  }

  private ResponseEntity<byte[]> certificate(String user, String upn, LocalDate from, LocalDate to) {
    return rest.withBasicAuth(user, user).getForEntity(
        "/api/pupils/" + upn + "/registration-certificate?from=" + from + "&to=" + to, byte[].class);
  }

  private static Integer total(String text, String label) {
    Matcher m = Pattern.compile(label + ": (\\d+)").matcher(text);
    assertThat(m.find()).as(label + " in the certificate").isTrue();
    return Integer.valueOf(m.group(1));
  }

  static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString().replaceAll("\\s+", " ");
    } finally {
      reader.close();
    }
  }
}
