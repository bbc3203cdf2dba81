package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;

/**
 * The penalty notice's closing section ("Contact" and the address to write to) stays on one page
 * however long the council's payment instructions make the letter: a page never ends on the
 * heading alone.
 */
class PenaltyNoticeLetterLayoutTest {

  static final ProcessEngineFixture NOTICES = ProcessEngineFixture.builder("letter-layout-test").build();

  @Test
  void theContactHeadingAndTheAddressUnderItShareAPage() throws IOException {
    boolean twoPages = false;
    for (int sentences = 0; sentences <= 30; sentences++) {
      PenaltyNoticeProperties.Authority council = new PenaltyNoticeProperties.Authority("Seaview Borough Council",
          "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX",
          sentences == 0 ? null : "Payments can also be made at any Post Office with the barcode on this notice. ".repeat(sentences),
          "Attendance Compliance Team", null, "https://www.seaview.example/pay-penalty-notice", null, null, null, null);
      byte[] pdf = new PenaltyNoticeLetter(NOTICES.schools, PenaltyNoticeProperties.defaults().withAuthority(council), NOTICES.dates)
          .render(PenaltyNoticeLetterTest.notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE));
      PdfReader reader = new PdfReader(pdf);
      try {
        int pages = reader.getNumberOfPages();
        twoPages |= pages > 1;
        String last = new PdfTextExtractor(reader).getTextFromPage(pages).replaceAll("\\s+", " ");
        assertThat(last).as("the last of %d pages with %d sentences of instructions", pages, sentences)
            .contains("Contact Write to Attendance Compliance Team, Seaview Borough Council");
      } finally {
        reader.close();
      }
    }
    assertThat(twoPages).as("some length ran the notice onto a second page").isTrue();
  }
}
