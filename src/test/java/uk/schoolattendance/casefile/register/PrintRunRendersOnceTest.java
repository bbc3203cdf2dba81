package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.lowagie.text.pdf.PdfReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.casefile.CaseFileCases;
import uk.schoolattendance.casefile.CaseFileClient;
import uk.schoolattendance.notices.NoticeInputs;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeLetter;
import uk.schoolattendance.notices.PenaltyNoticeNumbers;
import uk.schoolattendance.notices.PenaltyNoticeRegister;

/**
 * "Print the letters" renders each letter of the run once: the PDF rendered under the run's lock (so a
 * copy that fails to render is not counted) is the PDF the browser is sent to, not rendered again for
 * the fetch. Opening the copy again later renders it afresh (it only reads).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PrintRunRendersOnceTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalDate POSTING_DAY = LocalDate.of(2026, 11, 2);
  private static final String QUEUE = "/casework/register/print-queue";

  @MockitoSpyBean PenaltyNoticeLetter letter;

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired PenaltyNoticeNumbers numbers;
  @Autowired PenaltyNoticeRegister register;
  @Autowired PrintRuns runs;

  @BeforeEach
  void postingDay() {
    ClockUtil.setCurrentTime(Date.from(POSTING_DAY.atTime(10, 5).atZone(LONDON).toInstant()));
  }

  @AfterEach
  void reset() {
    TestClock.reset();
  }

  /** A notice the process has prepared: it waits in the print queue. */
  private String prepared() {
    String number = numbers.next();
    String upn = CaseFileCases.newUpn();
    runtimeService.startProcessInstanceByKey("PenaltyNotice", number, NoticeInputs.inputs("PRN-" + upn, upn, "other"));
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    assertThat(register.get(number).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
    return number;
  }

  @Test
  void aPrintRunsLettersAreRenderedOncePerCopyMade() throws Exception {
    List<String> mine = List.of(prepared(), prepared());
    long id = runs.record("compliance", "Compliance", POSTING_DAY.atTime(10, 5).atZone(LONDON).toInstant(), "post", POSTING_DAY,
        mine, false);
    CaseFileClient compliance = new CaseFileClient(port);
    compliance.signIn("compliance", "compliance");
    CaseFileClient.Page banner = compliance.get(QUEUE + "?run=" + id);
    clearInvocations(letter);

    CaseFileClient.Page pressed = compliance.post(banner, "#print-run-form", java.util.Map.of());
    assertThat(pressed.status()).as(pressed.body()).isEqualTo(303);
    String copy = pressed.location().replaceFirst("^https?://[^/]+", "");
    assertThat(copy).isEqualTo(QUEUE + "/print-runs/" + id + "/copies/1.pdf");
    HttpResponse<byte[]> pdf = compliance.raw(HttpRequest.newBuilder(URI.create(compliance.base() + copy)).GET());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new PdfReader(pdf.body()).getNumberOfPages()).isEqualTo(2);
    // pressed and fetched: each letter rendered once (it was twice: to count the copy, then to send it)
    verify(letter, times(mine.size())).render(any());
    assertThat(runs.find(id)).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(1);

    // opened again later: read afresh, counted as no new copy
    HttpResponse<byte[]> reopened = compliance.raw(HttpRequest.newBuilder(URI.create(compliance.base() + copy)).GET());
    assertThat(reopened.statusCode()).isEqualTo(200);
    assertThat(new PdfReader(reopened.body()).getNumberOfPages()).isEqualTo(2);
    verify(letter, times(2 * mine.size())).render(any());
    assertThat(runs.find(id)).get().extracting(PrintRuns.PrintRun::copies).isEqualTo(1);
  }
}
