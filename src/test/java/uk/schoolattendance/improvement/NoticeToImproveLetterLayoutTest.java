package uk.schoolattendance.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.notices.PenaltyNoticeProperties.Authority;
import uk.schoolattendance.process.ThresholdWords;

/**
 * The Notice to Improve's signature block stays on one page however long the letter above it
 * (walk 11: "For and on behalf of Seaview Borough Council" alone on page 2, its signature on page 1).
 */
class NoticeToImproveLetterLayoutTest {

  static final Authority COUNCIL = new Authority("Seaview Borough Council",
      "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, "Attendance Compliance Team", null, null, null,
      true, null, null);

  @Test
  void theSignatureBlockIsNeverSplitAcrossPages() throws IOException {
    boolean movedToTheNextPage = false;
    // the support given so far grows a line at a time until the letter runs well onto a second page:
    // at some length the page ends inside the closing lines unless they are kept together
    for (int sentences = 0; sentences <= 24; sentences++) {
      String support = "Attendance meeting held with the parent on 6 October. ".repeat(sentences);
      PdfReader reader = new PdfReader(NoticeToImproveLetter.render(letter(support)));
      try {
        int pages = reader.getNumberOfPages();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        int signedOn = 0;
        for (int page = 1; page <= pages; page++) {
          String text = extractor.getTextFromPage(page).replaceAll("\\s+", " ");
          if (text.contains("For and on behalf of") || text.contains("Yours sincerely")) {
            assertThat(text).as("page %d of %d with %d sentences of support", page, pages, sentences)
                .contains("Contact Your case officer is Olivia Okafor")
                .contains("Yours sincerely, Olivia Okafor Case officer, Attendance Service For and on behalf of"
                    + " Seaview Borough Council");
            signedOn = page;
          }
        }
        assertThat(signedOn).as("the page the letter is signed on").isEqualTo(pages);
        movedToTheNextPage |= pages > 1;
      } finally {
        reader.close();
      }
    }
    assertThat(movedToTheNextPage).as("some length ran the letter onto a second page").isTrue();
  }

  private static NoticeToImproveLetter.Content letter(String support) {
    return new NoticeToImproveLetter.Content("AC-2026-000001", "Alex Parent", "1 High Street, Southend SS1 1AA",
        "Sam Pupil", "A123456789012", "Riverside Primary School", 87.0, 14, support,
        "no unauthorised absence and attendance above 92 % over the improvement period",
        LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2), LocalDate.of(2027, 2, 5), 10, COUNCIL, "Attendance Service",
        new NoticeToImproveLetter.Officer("Olivia Okafor", "olivia.okafor@attendance.example"),
        new ThresholdWords(() -> 10, 10), false,
        java.util.List.copyOf(NoticeToImproveProperties.DEFAULT_EARLY_ESCALATION_REASONS.values()));
  }
}
