package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.casework.CaseFixtures;

/**
 * Documents people add to a case: kept with the case, typed by their bytes, named safely, listed
 * and in the timeline, read back unchanged by whoever may see the case; a wrong type or a file
 * over the limit is refused naming the field, and a viewer who may not change the case stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CaseDocumentsTest {

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  private CaseFileClient signedIn(String user) {
    CaseFileClient person = new CaseFileClient(port);
    person.signIn(user);
    return person;
  }

  private String newCase(String pupil) {
    CaseFileCases cases = new CaseFileCases(runtimeService);
    return cases.referenceOf(cases.start(CaseFixtures.TRADED_SCHOOL, pupil, CaseFileCases.newUpn(), "parent-1", "Hope Docs"));
  }

  private long stored(String reference) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM cf_case_document WHERE case_reference = ?", Long.class, reference);
    return count == null ? 0 : count;
  }

  /** Sends the case page's document form as a browser does: multipart, with the page's CSRF token. */
  private static CaseFileClient.Page upload(CaseFileClient person, CaseFileClient.Page page, String kind, String fileName,
      String declaredType, byte[] content) {
    return upload(person, page.html().select("form#document-form").attr("action"),
        page.html().select("form#document-form input[name=_csrf]").val(), kind, fileName, declaredType, content);
  }

  private static CaseFileClient.Page upload(CaseFileClient person, String action, String csrf, String kind, String fileName,
      String declaredType, byte[] content) {
    String boundary = "----casefile" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "_csrf", null, null, csrf.getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "document-kind", null, null, kind.getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "document-file", fileName, declaredType, content);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = person.raw(HttpRequest.newBuilder(URI.create(person.base() + action))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    String html = new String(response.body(), StandardCharsets.UTF_8);
    return new CaseFileClient.Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
        org.jsoup.Jsoup.parse(html, person.base()), html);
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String type, byte[] value) {
    StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"");
    if (fileName != null) {
      head.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(type);
    }
    head.append("\r\n\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(value);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] zip(String entryName) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entryName));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void anOfficerAddsAGpLetterThatIsListedInTheTimelineAndReadBackUnchanged() {
    String reference = newCase("Ivo Documents");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    CaseFileClient.Page added = upload(officer, page, "gp-letter", "..\\..\\GP letter <Dr Ray>.pdf", "text/plain", PDF);
    assertThat(added.status()).as(added.html().select(".govuk-error-summary").text()).isEqualTo(302);

    CaseFileClient.Page after = officer.get("/casework/cases/" + reference + "?done=document");
    assertThat(after.html().select("#done").text()).contains("The document has been added");
    String list = after.html().select("#documents").text();
    assertThat(list).contains("GP letter _Dr Ray_.pdf", "Letter from a GP or health professional", "PDF");
    assertThat(after.html().select("#timeline").text()).contains("Document added", "Letter from a GP or health professional: GP letter _Dr Ray_.pdf");

    String href = after.html().select("#documents a").attr("href");
    HttpResponse<byte[]> read = officer.raw(HttpRequest.newBuilder(URI.create(officer.base() + href)).GET());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(PDF);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(read.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("GP letter _Dr Ray_.pdf");

    // the school of the case reads it; another school and a manager see no such case
    assertThat(signedIn("school1").raw(HttpRequest.newBuilder(URI.create(officer.base() + href)).GET()).statusCode()).isEqualTo(200);
    assertThat(signedIn("school2").raw(HttpRequest.newBuilder(URI.create(officer.base() + href)).GET()).statusCode()).isEqualTo(404);
  }

  @Test
  void aFileThatIsNotAPdfImageOrWordDocumentIsRefusedWhateverItsNameAndNothingIsKept() throws IOException {
    String reference = newCase("Jem Documents");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    CaseFileClient.Page refused = upload(officer, page, "leave-request", "request.pdf", "application/pdf",
        "MZ this is a program, not a letter".getBytes(StandardCharsets.US_ASCII));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary a").attr("href")).isEqualTo("#document-file");
    assertThat(refused.html().select(".govuk-error-summary").text())
        .contains("The selected file must be a PDF, JPEG, PNG or Word document (DOCX)");
    CaseFileClient.Page plainZip = upload(officer, page, "leave-request", "request.docx", "application/zip", zip("notes.txt"));
    assertThat(plainZip.status()).isEqualTo(400);
    assertThat(stored(reference)).isZero();

    CaseFileClient.Page word = upload(officer, page, "leave-request", "request", "application/octet-stream", zip("word/document.xml"));
    assertThat(word.status()).isEqualTo(302);
    assertThat(officer.get("/casework/cases/" + reference).html().select("#documents").text()).contains("request.docx", "Word document");
  }

  @Test
  void aFileOverTheLimitIsRefusedNamingTheLimit() {
    String reference = newCase("Kai Documents");
    CaseFileClient officer = signedIn("officer");
    CaseFileClient.Page page = officer.get("/casework/cases/" + reference);
    byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    CaseFileClient.Page refused = upload(officer, page, "other", "scan.pdf", "application/pdf", big);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.html().select(".govuk-error-summary").text()).contains("The file must be smaller than 10 MB");
    assertThat(stored(reference)).isZero();
  }

  @Test
  void aSchoolOrAManagerMayNotAddADocumentAndNothingIsKept() {
    String reference = newCase("Lia Documents");
    for (String user : new String[] {"school1", "manager"}) {
      CaseFileClient person = signedIn(user);
      CaseFileClient.Page page = person.get("/casework/cases/" + reference);
      assertThat(page.html().select("form#document-form")).as(user).isEmpty();
      // the form sent anyway, with this person's own session and token
      String csrf = page.html().select("form[action$=sign-out] input[name=_csrf]").val();
      assertThat(upload(person, "/casework/cases/" + reference + "/documents", csrf, "other", "a.pdf", "application/pdf", PDF)
          .status()).as(user).isEqualTo(403);
    }
    assertThat(stored(reference)).isZero();
  }

  @Test
  void namesAreMadeSafeAndEndAsTheirTypeDoes() {
    assertThat(DocumentNames.safe("C:\\Users\\me\\letter.exe", DocumentTypes.PDF)).isEqualTo("letter.exe.pdf");
    assertThat(DocumentNames.safe("../../etc/passwd", DocumentTypes.PNG)).isEqualTo("passwd.png");
    assertThat(DocumentNames.safe("Photo.JPEG", DocumentTypes.JPEG)).isEqualTo("Photo.JPEG");
    assertThat(DocumentNames.safe("Zoë’s note\r\n.pdf", DocumentTypes.PDF)).isEqualTo("Zoe_s note_.pdf");
    assertThat(DocumentNames.safe("", DocumentTypes.DOCX)).isEqualTo("document.docx");
    assertThat(DocumentNames.safe("a".repeat(300) + ".pdf", DocumentTypes.PDF)).hasSize(DocumentNames.MAX).endsWith(".pdf");
  }
}
