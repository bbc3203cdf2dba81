package uk.schoolattendance.casefile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.process.Upn;

/**
 * The register's import pages ({@code /casework/imports}): the data team and a school upload a
 * file and land on its page with the counts and every rejected row named; who sees which pages
 * and imports (a school never another school's); each bad file refused naming the field with
 * nothing imported; rejections paged and downloadable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ImportPagesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final String HEADER = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n";
  private static final AtomicLong NEXT_UPN = new AtomicLong(700_950_000_001L);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired uk.schoolattendance.attendance.RejectedRowsRetention retention;

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(Date.from(TODAY.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
  }

  @AfterEach
  void realTime() {
    TestClock.reset();
  }

  private CaseFileClient signedIn(String user) {
    return CaseFileClient.signedIn(port, user);
  }

  private static String pupil(String urn, String date, String session, String code) {
    String upn = Upn.of(NEXT_UPN.getAndIncrement());
    return String.join(",", upn, urn, date, session, code, "Sam", "Importer", "2016-05-01", "5") + "\n";
  }

  private long imports() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM att_import", Long.class);
    return count == null ? 0 : count;
  }

  /** Sends the page's form as a browser does: multipart, with the page's CSRF token. */
  static CaseFileClient.Page upload(CaseFileClient person, String fileName, String type, byte[] content) {
    CaseFileClient.Page form = person.get("/casework/imports");
    return upload(person, form.html().select("form#import-form input[name=_csrf]").val(), fileName, type, content);
  }

  static CaseFileClient.Page upload(CaseFileClient person, String csrf, String fileName, String type, byte[] content) {
    String boundary = "----imports" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (csrf != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"import-file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = person.raw(HttpRequest.newBuilder(URI.create(person.base() + "/casework/imports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    String html = new String(response.body(), StandardCharsets.UTF_8);
    // where it leads, as a path of this application
    String location = response.headers().firstValue("Location").map(l -> l.replace(person.base(), "")).orElse(null);
    return new CaseFileClient.Page(response.statusCode(), location,
        org.jsoup.Jsoup.parse(html, person.base()), html);
  }

  private static CaseFileClient.Page csv(CaseFileClient person, String text) {
    return upload(person, "register.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDataTeamUploadsACsvAndLandsOnItsPageWithTheCountsAndEachBadRowNamed() {
    CaseFileClient datateam = signedIn("datateam");
    CaseFileClient.Page start = datateam.get("/casework/");
    assertThat(start.html().select("#navigation a").eachText()).contains("Register imports");
    CaseFileClient.Page form = datateam.get("/casework/imports");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.text()).contains("a CSV file (.csv)", "a Common Transfer File (.xml)", "smaller than 15 MB",
        "You import marks for every school");
    assertThat(form.html().select("#csv-layout-link").attr("href")).isEqualTo("/casework/imports/csv-layout");
    assertThat(datateam.get("/casework/imports/csv-layout").html().select("#columns").text()).contains("upn", "urn", "session");

    CaseFileClient.Page sent = csv(datateam, HEADER
        + pupil("100001", "2026-11-16", "AM", "/")
        + pupil("100002", "2026-11-16", "PM", "\\")
        + pupil("100001", "2026-11-16", "AM", "Q9")
        + "W000000000000,100001,2026-11-16,AM,/,Sam,Wrong,2016-05-01,5\n"
        + pupil("100001", "2026-11-21", "AM", "/"));
    assertThat(sent.status()).as(sent.html().select(".govuk-error-summary").text()).isEqualTo(302);
    assertThat(sent.location()).matches("/casework/imports/\\d+");

    CaseFileClient.Page page = datateam.get(sent.location());
    assertThat(page.status()).isEqualTo(200);
    // after the upload the focus goes to the result's heading (once: not when the page is opened again)
    assertThat(page.html().select("h1#result-heading[autofocus][tabindex=-1]")).hasSize(1);
    assertThat(datateam.get(sent.location()).html().select("h1[autofocus]")).isEmpty();
    assertThat(page.html().select("#state").text()).isEqualTo("Imported");
    assertThat(page.html().select("#import-details").text()).contains("Sent by", "CSV")
        .containsPattern("\\d{1,2}:\\d{2}(am|pm) on \\d{1,2} [A-Z][a-z]+ 20\\d\\d");
    assertThat(page.html().select("[data-count=read] dd").text()).isEqualTo("5");
    assertThat(page.html().select("[data-count=accepted] dd").text()).isEqualTo("2");
    assertThat(page.html().select("[data-count=rejected] dd").text()).isEqualTo("3");
    assertThat(page.html().select("#rejections tbody tr").eachText())
        .anySatisfy(row -> assertThat(row).startsWith("Row 4 code").contains("Q9"))
        .anySatisfy(row -> assertThat(row).startsWith("Row 5 upn"))
        .anySatisfy(row -> assertThat(row).startsWith("Row 6 date").contains("not a school day")
            .contains("it is a Saturday, a weekend"));
    assertThat(page.html().select("#what-to-do").text()).contains("Download the rejected rows", "Correct them");

    String id = sent.location().substring(sent.location().lastIndexOf('/') + 1);
    org.jsoup.nodes.Element listed = datateam.get("/casework/imports").html().select("#latest tbody tr").first();
    assertThat(listed.attr("data-import")).isEqualTo(id);
    // the list's columns add up: read = added or corrected + unchanged + rejected
    assertThat(datateam.get("/casework/imports").html().select("#latest thead th").eachText())
        .containsSubsequence("Rows read", "Added or corrected", "Unchanged", "Rejected");
    assertThat(listed.select("td").eachText()).endsWith("5", "2", "0", "3");
  }

  @Test
  void aSchoolsRowOfAnotherSchoolIsRejectedNamingTheUrnAndNoOtherSchoolSeesItsImport() {
    CaseFileClient school1 = signedIn("school1");
    assertThat(school1.get("/casework/imports").text()).contains("You import marks for your own school");
    CaseFileClient.Page sent = csv(school1, HEADER
        + pupil("100001", "2026-11-17", "AM", "/")
        + pupil("100002", "2026-11-17", "AM", "/"));
    assertThat(sent.status()).isEqualTo(302);
    CaseFileClient.Page page = school1.get(sent.location());
    assertThat(page.html().select("[data-count=accepted] dd").text()).isEqualTo("1");
    assertThat(page.html().select("#rejections tbody tr").eachText())
        .singleElement().satisfies(row -> assertThat(row).startsWith("Row 3 urn").contains("100002"));
    String id = sent.location().substring(sent.location().lastIndexOf('/') + 1);

    CaseFileClient school2 = signedIn("school2");
    assertThat(school2.get("/casework/imports").status()).isEqualTo(200);
    assertThat(school2.get("/casework/imports").html().select("#latest tr[data-import=" + id + "]")).isEmpty();
    assertThat(school2.get(sent.location()).status()).isEqualTo(404);
    assertThat(school2.get(sent.location()).text()).doesNotContain("100002");
    assertThat(school2.get(sent.location() + "/rejections.csv").status()).isEqualTo(404);

    CaseFileClient datateam = signedIn("datateam");
    assertThat(datateam.get("/casework/imports").html().select("#latest tr[data-import=" + id + "]")).hasSize(1);
    assertThat(datateam.get(sent.location()).status()).isEqualTo(200);
  }

  @Test
  void whoMayImportForNoSchoolGetsNoLinkAndCannotOpenThePagesOrImport() {
    String someImport = csv(signedIn("datateam"), HEADER + pupil("100001", "2026-11-18", "AM", "/")).location();
    long before = imports();
    for (String user : new String[] {"officer", "senior", "compliance", "manager", "analyst"}) {
      CaseFileClient person = signedIn(user);
      CaseFileClient.Page start = person.get("/casework/");
      assertThat(start.html().select("#navigation a").eachText()).as(user).doesNotContain("Register imports");
      CaseFileClient.Page page = person.get("/casework/imports");
      assertThat(page.status()).as(user).isEqualTo(403);
      assertThat(page.text()).as(user).contains("You cannot open this page");
      assertThat(person.get(someImport).status()).as(user).isEqualTo(403);
      assertThat(person.get(someImport + "/rejections.csv").status()).as(user).isEqualTo(403);
      String csrf = start.html().select("form[action$=sign-out] input[name=_csrf]").val();
      CaseFileClient.Page sent = upload(person, csrf, "register.csv", "text/csv",
          (HEADER + pupil("100001", "2026-11-18", "PM", "/")).getBytes(StandardCharsets.UTF_8));
      assertThat(sent.status()).as(user).isEqualTo(403);
    }
    assertThat(imports()).isEqualTo(before);
  }

  @Test
  void aBadFileIsRefusedNamingTheFieldAndNothingIsImported() {
    CaseFileClient datateam = signedIn("datateam");
    long before = imports();
    Map<String, CaseFileClient.Page> refused = new java.util.LinkedHashMap<>();
    refused.put("Select a CSV file or a Common Transfer File to import", upload(datateam, "", "application/octet-stream", new byte[0]));
    refused.put("The selected file is empty", upload(datateam, "register.csv", "text/csv", new byte[0]));
    refused.put("The selected file must be a CSV file (.csv) or a Common Transfer File (.xml)",
        upload(datateam, "register.pdf", "application/pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
    refused.put("it is not text", upload(datateam, "register.csv", "text/csv", "%PDF-1.4\n%\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1)));
    refused.put("is named .xml but is not XML", upload(datateam, "ctf.xml", "text/xml", HEADER.getBytes(StandardCharsets.UTF_8)));
    byte[] big = Arrays.copyOf((HEADER + pupil("100001", "2026-11-19", "AM", "/")).getBytes(StandardCharsets.UTF_8), 15 * 1024 * 1024 + 1);
    Arrays.fill(big, HEADER.length() + 60, big.length, (byte) '\n');
    refused.put("The selected file must be smaller than 15 MB", upload(datateam, "register.csv", "text/csv", big));
    refused.forEach((message, page) -> {
      assertThat(page.status()).as(message).isEqualTo(400);
      assertThat(page.html().select(".govuk-error-summary a").attr("href")).as(message).isEqualTo("#import-file");
      assertThat(page.html().select(".govuk-error-summary").text()).as(message).contains(message);
      assertThat(page.html().select("#import-file-error").text()).as(message).contains(message);
    });
    assertThat(imports()).isEqualTo(before);

    // a CSV without the columns every row needs is read and refused as a whole: the page names it
    CaseFileClient.Page noColumns = upload(datateam, "register.csv", "text/csv", "name,day\nSam,Monday\n".getBytes(StandardCharsets.UTF_8));
    assertThat(noColumns.status()).isEqualTo(400);
    assertThat(noColumns.html().select(".govuk-error-summary").text())
        .contains("could not be imported: in its header row, the columns upn, urn, date, session, code are missing");

    // a Common Transfer File cut short: the message names its subject, the file
    CaseFileClient.Page broken = upload(datateam, "ctf.xml", "text/xml", "<CTfile><Header>".getBytes(StandardCharsets.UTF_8));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.html().select(".govuk-error-summary").text())
        .contains("The selected file could not be imported: the file is not well-formed XML");
  }

  @Test
  void aFormWithoutTheCsrfTokenImportsNothing() {
    CaseFileClient datateam = signedIn("datateam");
    long before = imports();
    CaseFileClient.Page sent = upload(datateam, null, "register.csv", "text/csv",
        (HEADER + pupil("100001", "2026-11-19", "PM", "/")).getBytes(StandardCharsets.UTF_8));
    assertThat(sent.status()).isEqualTo(403);
    assertThat(imports()).isEqualTo(before);
  }

  @Test
  void rejectionsArePagedAHundredAtATimeAndDownloadedAllAtOnce() {
    CaseFileClient datateam = signedIn("datateam");
    StringBuilder file = new StringBuilder(HEADER);
    for (int i = 0; i < 150; i++) {
      file.append(pupil("100001", "2026-11-20", "AM", "Q9"));
    }
    file.append("=cmd,100001,2026-11-20,AM,/\n");
    CaseFileClient.Page sent = csv(datateam, file.toString());
    assertThat(sent.status()).isEqualTo(302);

    CaseFileClient.Page first = datateam.get(sent.location());
    assertThat(first.html().select("#rejections tbody tr")).hasSize(100);
    assertThat(first.html().select("#rejections-shown").text()).isEqualTo("Showing 1 to 100 of 151 rejections");
    assertThat(first.html().select("#previous-page")).isEmpty();
    CaseFileClient.Page second = datateam.get(first.html().select("#next-page").attr("href"));
    assertThat(second.html().select("#rejections tbody tr")).hasSize(51);
    assertThat(second.html().select("#rejections tbody tr").last().text()).startsWith("Row 152 upn");
    assertThat(second.html().select("#next-page")).isEmpty();
    assertThat(second.html().select("#previous-page").attr("href")).isEqualTo(sent.location() + "?page=1");

    HttpResponse<byte[]> csv = datateam.raw(HttpRequest.newBuilder(URI.create(datateam.base()
        + first.html().select("#rejections-csv").attr("href"))).GET());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(152);
    // the rejected rows as the file sent them, under its header, with the field and the reason
    assertThat(lines[0]).isEqualTo(HEADER.strip() + ",field,reason");
    assertThat(lines[1]).matches("[A-Z]\\d{12},100001,2026-11-20,AM,Q9,Sam,Importer,2016-05-01,5,code,.*");
    // a value of the file, in its cell or quoted in a reason, cannot run as a formula in a spreadsheet
    // (the reason quotes the UPN as sent, "=cmd: must be …", in a quoted cell as it holds commas);
    // the short row is filled so the field and the reason stay under their headings
    assertThat(lines[151]).startsWith("'=cmd,100001,2026-11-20,AM,/,,,,,upn,\"'=cmd:").doesNotContain("\"=cmd");
  }

  @Test
  void aRunningImportShowsItsProgressAndAFailedOrInterruptedOneSaysWhatToDo() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int running = record("running", now, null);
    int interrupted = record("running", now.minus(2, ChronoUnit.HOURS), null);
    int failed = record("failed", now, "the file stopped arriving (connection reset): import it again, nothing is doubled");
    CaseFileClient datateam = signedIn("datateam");

    CaseFileClient.Page page = datateam.get("/casework/imports/" + running);
    assertThat(page.html().select("#state").text()).isEqualTo("Importing");
    assertThat(page.html().select("#status").text()).contains("still running: 40% of the file has been read", "Reload this page");
    assertThat(page.html().select("#reload").attr("href")).isEqualTo("/casework/imports/" + running);

    page = datateam.get("/casework/imports/" + interrupted);
    assertThat(page.html().select("#state").text()).isEqualTo("Interrupted");
    assertThat(page.html().select("#status").text()).contains("has not moved since", "import it again", "not added twice");

    page = datateam.get("/casework/imports/" + failed);
    assertThat(page.html().select("#state").text()).isEqualTo("Failed");
    assertThat(page.html().select("#status").text()).contains("the file stopped arriving", "import it again");

    assertThat(datateam.get("/casework/imports/999999").status()).isEqualTo(404);
    assertThat(datateam.get("/casework/imports/not-a-number").status()).isEqualTo(404);
  }

  private int record(String state, Instant updated, String failure) {
    jdbc.update("INSERT INTO att_import (file_format, submitted_by, submitted_at, state, bytes_expected, bytes_read, rows_read,"
            + " rows_accepted, rows_unchanged, rows_rejected, updated_at, failure) VALUES ('csv', 'datateam', ?, ?, 1000, 400,"
            + " 40, 40, 0, 0, ?, ?)",
        Timestamp.from(updated), state, Timestamp.from(updated), failure);
    Integer id = jdbc.queryForObject("SELECT MAX(import_id) FROM att_import", Integer.class);
    return id == null ? 0 : id;
  }

  private String download(CaseFileClient person, CaseFileClient.Page page) {
    HttpResponse<byte[]> csv = person.raw(HttpRequest.newBuilder(URI.create(person.base()
        + page.html().select("#rejections-csv").attr("href"))).GET());
    assertThat(csv.statusCode()).isEqualTo(200);
    return new String(csv.body(), StandardCharsets.UTF_8);
  }

  @Test
  void theRejectedRowsDownloadAsSentAndACorrectedDownloadImports() {
    CaseFileClient datateam = signedIn("datateam");
    String amara = Upn.of(NEXT_UPN.getAndIncrement());
    String ben = Upn.of(NEXT_UPN.getAndIncrement());
    String cal = Upn.of(NEXT_UPN.getAndIncrement());
    String lower = Upn.of(NEXT_UPN.getAndIncrement()).toLowerCase(java.util.Locale.ROOT);
    String file = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address\n"
        + amara + ",100001,2026-11-16,AM,/,Amara,Okafor,2016-03-14,5,Grace Okafor,\"3 Church Lane, Southend\"\n"
        + ben + ",100001,2026-11-16,XX,/,Ben,Adeyemi,2016-07-02,5,,\n"
        + cal + ",100001,2026-12-02,AM,/,Cal,Short,2016-01-01,5,,\n"
        + amara + ",100001,2026-11-17,AM,Q9\n"
        + lower + "x,100001,2026-11-17,AM,/,Dee,Lower,2016-01-01,5\n";
    CaseFileClient.Page sent = csv(datateam, file);
    CaseFileClient.Page page = datateam.get(sent.location());
    assertThat(page.html().select("[data-count=rejected] dd").text()).isEqualTo("4");
    // a date in a reason reads as every date of the service does; the UPN is echoed as the file sent it
    assertThat(page.html().select("#rejections tbody tr").eachText())
        .anySatisfy(row -> assertThat(row).startsWith("Row 4 date").contains("2 December 2026 is in the future")
            .doesNotContain("2026-12-02"))
        .anySatisfy(row -> assertThat(row).startsWith("Row 6 upn").contains(lower + "x:")
            .doesNotContain(lower.toUpperCase(java.util.Locale.ROOT)));

    String[] lines = download(datateam, page).split("\r\n");
    assertThat(lines).containsExactly(
        "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address,field,reason",
        ben + ",100001,2026-11-16,XX,/,Ben,Adeyemi,2016-07-02,5,,,session,'XX' is not AM or PM",
        cal + ",100001,2026-12-02,AM,/,Cal,Short,2016-01-01,5,,,date,2 December 2026 is in the future",
        amara + ",100001,2026-11-17,AM,Q9,,,,,,,code," + lines[3].substring(lines[3].indexOf(",code,") + 6),
        lower + "x,100001,2026-11-17,AM,/,Dee,Lower,2016-01-01,5,,,upn," + lines[4].substring(lines[4].indexOf(",upn,") + 5));

    // the data team corrects the rows in the download and imports it as it is: the field and the
    // reason columns are ignored, every corrected row is imported
    String corrected = String.join("\r\n", lines[0],
        lines[1].replace(",XX,", ",AM,"),
        lines[2].replace("2026-12-02", "2026-11-20"),
        lines[3].replace(",Q9,", ",/,"),
        lines[4].replace(lower + "x", lower)) + "\r\n";
    CaseFileClient.Page again = datateam.get(
        upload(datateam, "import-" + sent.location().substring(sent.location().lastIndexOf('/') + 1) + "-rejections.csv",
            "text/csv", corrected.getBytes(StandardCharsets.UTF_8)).location());
    assertThat(again.html().select("[data-count=rejected] dd").text())
        .as(again.html().select("#rejections").text()).isEqualTo("0");
    assertThat(again.html().select("[data-count=accepted] dd").text()).isEqualTo("4");
  }

  /**
   * The retention rule of rejected rows (attendance.imports.rejected-rows-retention-days, 90 by
   * default): kept as the file sent them (a parent's name and address) through the 90 calendar days
   * (Europe/London) after the day the import finished, then removed, by the engine's clock; the
   * import keeps its counts and each rejection's row, field and reason, and its page says when the
   * rows were removed. A second run removes nothing.
   *
   * <p>A run removes the rows of every expired import in the database, and this class shares its
   * database with other tests: so this test's two imports are dated back to 2001 (10 January, and
   * just after midnight on 11 January), before any other import here (checked first), and the runs
   * happen in 2001, so they can reach no other test's import.
   */
  @Test
  void rejectedRowsAsSentAreRemovedAfterTheRetentionPeriodKeepingTheCountsAndReasons() {
    CaseFileClient datateam = signedIn("datateam");
    String ben = Upn.of(NEXT_UPN.getAndIncrement());
    String file = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address\n"
        + ben + ",100001,2026-11-16,XX,/,Ben,Retained,2016-07-02,5,Ada Retained,\"9 Keep Lane, Southend\"\n"
        + pupil("100001", "2026-11-16", "AM", "/").replace("\n", ",,\n");
    CaseFileClient.Page sent = csv(datateam, file);
    int id = Integer.parseInt(sent.location().substring(sent.location().lastIndexOf('/') + 1));
    CaseFileClient.Page next = csv(datateam, "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup\n"
        + Upn.of(NEXT_UPN.getAndIncrement()) + ",100001,2026-11-16,YY,/,Cal,Later,2016-07-02,5\n");
    int nextDay = Integer.parseInt(next.location().substring(next.location().lastIndexOf('/') + 1));
    ZoneId london = ZoneId.of("Europe/London");
    Instant finished = LocalDate.of(2001, 1, 10).atTime(10, 0).atZone(london).toInstant();
    jdbc.update("UPDATE att_import SET finished_at = ?, updated_at = ? WHERE import_id = ?",
        Timestamp.from(finished), Timestamp.from(finished), id);
    Instant justAfterMidnight = LocalDate.of(2001, 1, 11).atStartOfDay(london).plusSeconds(30).toInstant();
    jdbc.update("UPDATE att_import SET finished_at = ?, updated_at = ? WHERE import_id = ?",
        Timestamp.from(justAfterMidnight), Timestamp.from(justAfterMidnight), nextDay);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM att_import WHERE import_id NOT IN (?, ?)"
        + " AND COALESCE(finished_at, updated_at) < ?", Integer.class, id, nextDay, Timestamp.valueOf("2002-01-01 00:00:00")))
        .as("no other import of this database could expire in 2001").isZero();
    String sentRow = "SELECT COUNT(*) FROM att_import_rejection WHERE import_id = ? AND sent_row IS NOT NULL";

    // the 90th day after it finished, last minute (British Summer Time by then): still kept, downloadable as sent
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2001, 4, 10).atTime(23, 59).atZone(london).toInstant()));
    assertThat(retention.removeExpired()).isZero();
    assertThat(jdbc.queryForObject(sentRow, Integer.class, id)).isEqualTo(1);
    CaseFileClient.Page kept = datateam.get(sent.location());
    assertThat(kept.html().select("#rejected-rows-removed")).isEmpty();
    assertThat(download(datateam, kept)).contains("Ada Retained", "9 Keep Lane");

    // the 91st day: the rows as sent are gone; the counts, rows, fields and reasons stay; the import
    // that finished on the next day keeps its rows a day more
    Instant removedAt = LocalDate.of(2001, 4, 11).atStartOfDay(london).plusSeconds(1).toInstant();
    ClockUtil.setCurrentTime(Date.from(removedAt));
    assertThat(retention.removeExpired()).isEqualTo(1);
    assertThat(jdbc.queryForObject(sentRow, Integer.class, id)).isZero();
    assertThat(jdbc.queryForObject(sentRow, Integer.class, nextDay)).isEqualTo(1);
    CaseFileClient.Page removed = datateam.get(sent.location());
    assertThat(removed.html().select("[data-count=rejected] dd").text()).isEqualTo("1");
    assertThat(removed.html().select("[data-count=accepted] dd").text()).isEqualTo("1");
    assertThat(removed.html().select("#rejections tbody tr").eachText()).containsExactly("Row 2 session 'XX' is not AM or PM");
    assertThat(removed.html().select("#rejected-rows-removed").text())
        .startsWith("Rejected rows removed on 11 April 2001 under the retention rule");
    assertThat(removed.html().select("#what-to-do").text()).contains("by their row number");
    String download = download(datateam, removed);
    assertThat(download).startsWith("row,rows,field,reason\r\n").contains("2,1,session,")
        .doesNotContain("Ada Retained").doesNotContain("Keep Lane").doesNotContain("Ben");

    // the next day's run (or another node's at once) takes the next day's import and keeps the day this one's went
    ClockUtil.setCurrentTime(Date.from(removedAt.plus(1, ChronoUnit.DAYS)));
    assertThat(retention.removeExpired()).isEqualTo(1);
    assertThat(jdbc.queryForObject(sentRow, Integer.class, nextDay)).isZero();
    assertThat(datateam.get(sent.location()).html().select("#rejected-rows-removed").text())
        .startsWith("Rejected rows removed on 11 April 2001 ");
  }

  /**
   * A rejected row longer than the service keeps (20,000 characters) is not in the download's
   * cells, but its line still says which row of the file it was and that it was too long to keep,
   * not a line of empty cells nobody can find in the file (review 2 of session 14, B1).
   */
  @Test
  void aRejectedRowTooLongToKeepStillNamesItsRowInTheDownload() {
    CaseFileClient datateam = signedIn("datateam");
    String ben = Upn.of(NEXT_UPN.getAndIncrement());
    String cal = Upn.of(NEXT_UPN.getAndIncrement());
    String file = "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address\n"
        + ben + ",100001,2026-11-16,XX,/,Ben,Adeyemi,2016-07-02,5,,\"" + "Long Lane ".repeat(2_100) + "\"\n"
        + cal + ",100001,2026-11-16,YY,/,Cal,Short,2016-01-01,5,,\n";
    CaseFileClient.Page page = datateam.get(csv(datateam, file).location());
    assertThat(page.html().select("[data-count=rejected] dd").text()).isEqualTo("2");

    String[] lines = download(datateam, page).split("\r\n");
    assertThat(lines).containsExactly(
        "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,parent1Name,parent1Address,field,reason",
        "row 2 (too long to keep),,,,,,,,,,,session,'XX' is not AM or PM",
        cal + ",100001,2026-11-16,YY,/,Cal,Short,2016-01-01,5,,,session,'YY' is not AM or PM");
  }

  @Test
  void theUploadedFilesNameAndSizeShowOnTheListAndThePageAndAnOlderImportShowsNone() {
    CaseFileClient datateam = signedIn("datateam");
    String text = HEADER + pupil("100001", "2026-11-16", "AM", "/");
    CaseFileClient.Page sent = upload(datateam, "day1.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    CaseFileClient.Page page = datateam.get(sent.location());
    assertThat(page.html().select("#file-name").text()).isEqualTo("day1.csv (" + bytes + " bytes)");
    String id = sent.location().substring(sent.location().lastIndexOf('/') + 1);
    assertThat(datateam.get("/casework/imports").html().select("#latest tbody tr[data-import=" + id + "]").text())
        .contains("day1.csv (" + bytes + " bytes)", "CSV");

    // an import made before file names were kept
    jdbc.update("UPDATE att_import SET file_name = NULL, file_header = NULL WHERE import_id = ?", Integer.parseInt(id));
    CaseFileClient.Page older = datateam.get(sent.location());
    assertThat(older.status()).isEqualTo(200);
    assertThat(older.html().select("#file-name")).isEmpty();
    assertThat(older.html().select("#import-details").text()).contains("Format CSV");
    CaseFileClient.Page list = datateam.get("/casework/imports");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.html().select("#latest tbody tr[data-import=" + id + "]").text()).doesNotContain("day1.csv");
  }

  @Test
  void anImportWhereEveryRowWasRejectedSaysNothingWasImported() {
    CaseFileClient datateam = signedIn("datateam");
    CaseFileClient.Page sent = csv(datateam, HEADER
        + pupil("100001", "2026-11-16", "AM", "Q9")
        + pupil("100001", "2026-11-16", "XX", "/"));
    CaseFileClient.Page page = datateam.get(sent.location());
    assertThat(page.html().select("#state").text()).isEqualTo("Nothing imported");
    assertThat(page.html().select("#state").hasClass("govuk-tag--green")).isFalse();
    assertThat(page.html().select("#status").text()).contains("Nothing was imported: every row of the file was rejected")
        .doesNotContain("good rows");
    String id = sent.location().substring(sent.location().lastIndexOf('/') + 1);
    assertThat(datateam.get("/casework/imports").html().select("#latest tbody tr[data-import=" + id + "]").text())
        .contains("Nothing imported").doesNotContain("Imported");
  }
}
