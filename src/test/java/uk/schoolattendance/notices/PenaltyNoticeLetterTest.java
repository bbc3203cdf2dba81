package uk.schoolattendance.notices;

import uk.schoolattendance.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;

/** The letter's statutory contents, read back from the PDF. */
class PenaltyNoticeLetterTest {

  static final ProcessEngineFixture NOTICES = ProcessEngineFixture.builder("letter-test").build();

  @Test
  void aFirstNoticeStatesRecipientChildSchoolOffenceAmountsPaymentConsequencesAndWithdrawal() throws IOException {
    String text = text(NOTICES.letter.render(notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 25), 1, Evidence.NONE)));

    assertThat(text)
        .contains("Penalty notice PN-2026-000123")
        .contains("Alex Parent")
        .contains("1 Station Road, Southend SS1 1AA")
        .contains("Sam Pupil")
        .contains("Riverside Primary School")
        .contains("7 September 2026")
        .contains("16 October 2026")
        .contains("12 sessions")
        .contains("unauthorised absence")
        .contains("section 444(1)")
        .contains("4 November 2026")
        .contains("£80.00")
        .contains("25 November 2026")
        .contains("£160.00")
        .contains("2 December 2026")
        .contains("part payments are not accepted")
        .contains("Pay online")
        .contains("prosecute you")
        .contains("withdraw this notice")
        .contains("no offence was committed")
        .contains("local code of")
        .contains("wrong person")
        .contains("material error")
        .contains("The Local Authority");
  }

  @Test
  void aSecondNoticeHasNoReducedAmount() throws IOException {
    String text = text(NOTICES.letter.render(notice("late", null, null, 2, Evidence.NONE)));
    assertThat(text).contains("no reduced amount applies").contains("late arrival").doesNotContain("£80.00");
  }

  @Test
  void aTermTimeLeaveNoticeSaysSoAndNamesItsEvidence() throws IOException {
    String text = text(NOTICES.letter.render(notice("holiday", new BigDecimal("80.00"), LocalDate.of(2026, 11, 25), 1,
        new Evidence(true, true, true, true))));
    assertThat(text).contains("holiday").contains("written refusal", "written warning").contains("leave application");
  }

  @Test
  void theSameEntryGivesTheSameText() throws IOException {
    PenaltyNoticeEntry entry = notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 25), 1, Evidence.NONE);
    assertThat(text(NOTICES.letter.render(entry))).isEqualTo(text(NOTICES.letter.render(entry)));
  }

  static PenaltyNoticeEntry notice(String reason, BigDecimal reduced, LocalDate reducedDeadline, int sequence, Evidence evidence) {
    return new PenaltyNoticeEntry(
        "PN-2026-000123", "pi-1", "AC-1", "A123456789012", "Sam Pupil", "100001", "P-1", "Alex Parent",
        "1 Station Road, Southend SS1 1AA", reason, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 16), 12,
        sequence, "2024", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 4), reduced, new BigDecimal("160.00"),
        reducedDeadline, LocalDate.of(2026, 12, 2), LocalDate.of(2027, 4, 16), "issued", null, null, null, null,
        null, null, null, evidence);
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
