package uk.schoolattendance.notices;

import uk.schoolattendance.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    String text = text(NOTICES.letter.render(notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE)));

    assertThat(text)
        .contains("Penalty notice PN-2026-000123")
        .contains("Alex Parent")
        .contains("1 Station Road, Southend SS1 1AA")
        .contains("Sam Pupil")
        // the child's address (reg 3), which need not be the parent's
        .contains("Child's address: 14 Mill Lane, Southend SS2 4BB")
        .contains("Riverside Primary School")
        .contains("7 September 2026")
        .contains("16 October 2026")
        .contains("12 sessions")
        .contains("unauthorised absence")
        .contains("section 444(1)")
        .contains("posted on 2 November 2026")
        .contains("treated as received by you on 4 November 2026, the 2nd working day after posting")
        .contains("This is the 1st penalty notice issued to you for this child in 3 years")
        .contains("£80.00 if you pay by 24 November 2026 (within the 21 days beginning with the day you received this notice)")
        .contains("£160.00 by 1 December 2026 (within the 28 days beginning with the day you received this notice)")
        .contains("part payments are not accepted")
        // the test council takes cheques only: no way to pay is offered that the council did not set
        .doesNotContain("Pay online").doesNotContain("telephone")
        .contains("Pay by post: send a cheque payable to Seaview Borough Council to the address under Contact below.")
        .contains("prosecute you")
        .contains("withdraw this notice")
        .contains("no offence was committed")
        .contains("local code of")
        .contains("wrong person")
        .contains("material error")
        .contains("Seaview Borough Council");
  }

  @Test
  void theNoticeNamesTheIssuingOfficerAndTheTeamOnceAndFitsOnePage() throws IOException {
    byte[] pdf = NOTICES.letter.render(notice("holiday", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1,
        new Evidence(true, true, true, true)));
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "letters", "penalty-notice-holiday.pdf"), pdf); // to look at
    String text = text(pdf);
    // SI 2007/1867 reg 3(c): the name and official particulars of the authorised officer issuing the notice
    assertThat(text).contains("Issued by: Dana Officer, an officer of the local authority authorised to issue"
        + " penalty notices under section 444A of the Education Act 1996, Seaview Borough Council");
    assertThat(text).contains("Write to Attendance Compliance Team, Seaview Borough Council, Civic Centre, 1 Marine Parade,"
        + " Southend-on-Sea SS1 9ZX, quoting");
    assertThat(text.split("Attendance Compliance Team", -1)).hasSize(3); // the header and the contact line
    PdfReader reader = new PdfReader(pdf);
    assertThat(reader.getNumberOfPages()).isEqualTo(1);
    reader.close();
  }

  @Test
  void theSessionsStatedNameTheirSourceAndNoneAreStatedWithoutACount() throws IOException {
    // a pupil the register holds no marks for: the count the officer confirmed from the school's printout
    assertThat(text(NOTICES.letter.render(NoticeBuilder.notice().sessions(14, PenaltyNoticeEntry.SESSIONS_FROM_PRINTOUT)
        .issued(NOTICES.dates))).replaceAll("\\s+", " "))
        .contains("the child failed to attend the school regularly, with 14 unauthorised sessions (half days) in the"
            + " period 7 September 2026 to 16 October 2026 as shown in the school's attendance register:")
        .doesNotContain("without authorisation");
    // counted from the register's marks
    assertThat(text(NOTICES.letter.render(NoticeBuilder.notice().sessions(12, PenaltyNoticeEntry.SESSIONS_FROM_MARKS)
        .issued(NOTICES.dates))).replaceAll("\\s+", " "))
        .contains("the child failed to attend the school regularly, missing 12 sessions (half days) without authorisation:")
        .doesNotContain("attendance register:");
    // no count: none stated
    assertThat(text(NOTICES.letter.render(NoticeBuilder.notice().sessions(null, null).issued(NOTICES.dates)))
        .replaceAll("\\s+", " "))
        .contains("the child failed to attend the school regularly:").doesNotContain("sessions (half days)");
  }

  @Test
  void aSecondNoticeHasNoReducedAmount() throws IOException {
    String text = text(NOTICES.letter.render(notice("late", null, null, 2, Evidence.NONE)));
    assertThat(text).contains("no reduced amount applies").contains("late arrival").doesNotContain("£80.00");
  }

  @Test
  void aTermTimeLeaveNoticeSaysSoAndNamesItsEvidence() throws IOException {
    String text = text(NOTICES.letter.render(notice("holiday", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1,
        new Evidence(true, true, true, true))));
    assertThat(text).contains("holiday").contains("written refusal", "written warning").contains("leave application");
  }

  @Test
  void aNoticeHandedOverIsReceivedThatDayAndItsPeriodsBeginWithIt() throws IOException {
    String text = text(NOTICES.letter.render(NoticeBuilder.notice().handed().issuedOn(LocalDate.of(2026, 11, 6)).issued(NOTICES.dates)));
    assertThat(text)
        .contains("This notice was handed to you on 6 November 2026, the day you received it.")
        .contains("£80.00 if you pay by 26 November 2026")
        .contains("£160.00 by 3 December 2026")
        .doesNotContain("posted on")
        .doesNotContain("deemed");
  }

  @Test
  void aPreparedNoticeIsPrintedForTheDayItWillBePostedAcrossTheChristmasBankHolidays() throws IOException {
    // posted Thursday 24 December 2026: Friday 25 and Monday 28 are bank holidays, so received Wednesday 30
    PenaltyNoticeEntry prepared = NoticeBuilder.notice().issuedOn(LocalDate.of(2026, 12, 21)).prepared();
    PenaltyNoticeEntry printed = NOTICES.letter.asGiven(prepared, "post", LocalDate.of(2026, 12, 24), null);
    assertThat(printed.deemedReceivedOn()).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(printed.reducedDeadline()).isEqualTo(LocalDate.of(2027, 1, 19));
    assertThat(printed.finalDeadline()).isEqualTo(LocalDate.of(2027, 1, 26));
    assertThat(printed.status()).isEqualTo("prepared");
    assertThat(text(NOTICES.letter.render(printed)))
        .contains("Date of issue: 24 December 2026")
        .contains("treated as received by you on 30 December 2026")
        .contains("by 19 January 2027")
        .contains("by 26 January 2027");
    // an issued notice prints as the register holds it, whatever day is asked for
    PenaltyNoticeEntry issued = NoticeBuilder.notice().issued(NOTICES.dates);
    assertThat(NOTICES.letter.asGiven(issued, "hand", LocalDate.of(2026, 12, 24), null)).isSameAs(issued);
  }

  @Test
  void aCouncilsPaymentWebAddressTelephoneAndFullAddressArePrintedAndTheLetterStaysOnePage() throws IOException {
    PenaltyNoticeProperties.Authority council = new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null,
        "https://www.seaview.example/pay-penalty-notice", "01632 960 123", true, null, null);
    assertThat(council.missingPaymentDetails()).isEmpty();
    PenaltyNoticeLetter letter = new PenaltyNoticeLetter(NOTICES.schools, new PenaltyNoticeProperties(
        null, null, null, null, null, null, null, null, null, null, null, null, null, council, null), NOTICES.dates);
    byte[] pdf = letter.render(notice("holiday", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1,
        new Evidence(true, true, true, true)));

    assertThat(text(pdf))
        .contains("Pay online at https://www.seaview.example/pay-penalty-notice.")
        .contains("Pay by telephone on 01632 960 123.")
        .contains("Pay by post: send a cheque payable to Seaview Borough Council to the address under Contact below.")
        .contains("Write to Attendance Compliance Team, Seaview Borough Council, Civic Centre, 1 Marine Parade,"
            + " Southend-on-Sea SS1 9ZX, quoting");
    PdfReader reader = new PdfReader(pdf);
    assertThat(reader.getNumberOfPages()).isEqualTo(1);
    reader.close();
  }

  @Test
  void theNationalDefaultNamesThePaymentPropertiesACouncilMustSet() {
    assertThat(PenaltyNoticeProperties.Authority.DEFAULT.missingPaymentDetails()).containsExactly(
        "attendance.penalty-notices.authority.payment-web-address",
        "attendance.penalty-notices.authority.payment-telephone",
        "attendance.penalty-notices.authority.address");
    // blank values from a configuration file count as missing
    assertThat(new PenaltyNoticeProperties.Authority(null, " ", null, null, null, "", " ", null, " ", null).missingPaymentDetails())
        .hasSize(3);
  }

  @Test
  void aCouncilThatTakesNoChequesIsNeverOfferedThem() throws IOException {
    // the national default: cheques only where the council says it takes them
    PenaltyNoticeProperties.Authority noCheques = new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null,
        "https://www.seaview.example/pay-penalty-notice", "01632 960 123", null, null, null);
    String text = text(letterOf(noCheques).render(notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE)));
    assertThat(text)
        .contains("Pay online at https://www.seaview.example/pay-penalty-notice.")
        .contains("Pay by telephone on 01632 960 123.")
        .doesNotContain("cheque").doesNotContain("Pay by post");
  }

  @Test
  void chequesAreOfferedOnlyWithAPostalAddressForThem() throws IOException {
    // takes cheques but has no postal address yet: the placeholder is none, so no cheque is offered
    PenaltyNoticeProperties.Authority noAddress = new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        null, null, null, null, "https://www.seaview.example/pay-penalty-notice", null, true, null, null);
    assertThat(noAddress.chequeAddress()).isEmpty();
    assertThat(PenaltyNoticeLetter.waysToPay(noAddress)).containsExactly("Pay online at https://www.seaview.example/pay-penalty-notice.");
    // cheques go to an address of their own when the council gives one
    PenaltyNoticeProperties.Authority chequesElsewhere = new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null, null, null, true,
        "Income Team, PO Box 99, Southend-on-Sea SS1 9ZZ", null);
    assertThat(text(letterOf(chequesElsewhere).render(notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE))))
        .contains("Pay by post: send a cheque payable to Seaview Borough Council to Income Team, PO Box 99, Southend-on-Sea SS1 9ZZ.")
        .doesNotContain("Pay online").doesNotContain("telephone");
  }

  @Test
  void noLetterIsMadeWhileTheCouncilsNameAddressOrEveryWayToPayIsUnset() {
    PenaltyNoticeEntry entry = notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE);
    // the national default: placeholders and no way to pay (a cheque is not offered by default)
    assertThatThrownBy(() -> letterOf(PenaltyNoticeProperties.Authority.DEFAULT).render(entry))
        .isInstanceOf(PaymentDetailsMissing.class)
        .hasMessageContaining("attendance.penalty-notices.authority.name is still the placeholder")
        .hasMessageContaining("attendance.penalty-notices.authority.address is still the placeholder")
        .hasMessageContaining("no way to pay is set: set attendance.penalty-notices.authority.payment-web-address,"
            + " attendance.penalty-notices.authority.payment-telephone or attendance.penalty-notices.authority.payment-by-cheque");
    // a named council with a full address that has set no way to pay: only that is named
    PenaltyNoticeProperties.Authority noWayToPay = new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", "Call us", null, null, null, null, false, null, null);
    assertThat(noWayToPay.missingToIssue()).singleElement().asString().startsWith("no way to pay is set");
    assertThatThrownBy(() -> letterOf(noWayToPay).render(entry)).isInstanceOf(PaymentDetailsMissing.class)
        .hasMessageNotContaining("authority.address").hasMessageNotContaining("authority.name");
    // one way to pay and the council's own name and address are enough
    assertThat(ProcessEngineFixture.COUNCIL.missingToIssue()).isEmpty();
  }

  private static PenaltyNoticeLetter letterOf(PenaltyNoticeProperties.Authority council) {
    return new PenaltyNoticeLetter(NOTICES.schools, PenaltyNoticeProperties.defaults().withAuthority(council), NOTICES.dates);
  }

  @Test
  void theSameEntryGivesTheSameText() throws IOException {
    PenaltyNoticeEntry entry = notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE);
    assertThat(text(NOTICES.letter.render(entry))).isEqualTo(text(NOTICES.letter.render(entry)));
  }

  static PenaltyNoticeEntry notice(String reason, BigDecimal reduced, LocalDate reducedDeadline, int sequence, Evidence evidence) {
    NoticeBuilder notice = NoticeBuilder.notice().reason(reason).sequence(sequence).evidence(evidence);
    if (reduced == null) {
      notice.noReduction();
    }
    PenaltyNoticeEntry issued = notice.issued(NOTICES.dates);
    assertThat(issued.reducedDeadline()).isEqualTo(reducedDeadline);
    return issued;
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
