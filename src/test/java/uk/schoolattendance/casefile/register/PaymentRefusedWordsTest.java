package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.notices.NoticeBuilder;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.TestCalendars;

/**
 * A refused payment on the notice page says what was refused: the amount's words ("Amount paid must
 * be £80.00 …") only when the amount was refused; a refused day in the rule's own words; anything
 * else (the notice withdrawn meanwhile) as its own rule, never as a wrong amount.
 */
class PaymentRefusedWordsTest {

  /** The refusal the payment rule itself gives, as the page receives it. */
  private InvalidInputException refusedByTheRule(BigDecimal amount, LocalDate paidOn) {
    try {
      uk.schoolattendance.notices.PaymentMatchesAmountDue.requireAmountDue(notice, amount, paidOn);
    } catch (InvalidInputException refused) {
      return refused;
    }
    throw new AssertionError("not refused");
  }

  private final PenaltyNoticeEntry notice =
      NoticeBuilder.notice().issued(new NoticeDates(TestCalendars.shipped(), PenaltyNoticeProperties.defaults()));
  private final LocalDate inTheReducedPeriod = notice.issuedOn().plusDays(3);
  private final BigDecimal eighty = new BigDecimal("80.00");

  @Test
  void aNoticeWithdrawnMeanwhileIsNotShownAsAWrongAmount() {
    FieldError error = NoticePageController.paymentRefused(notice, eighty, inTheReducedPeriod,
        new InvalidInputException("noticeNumber", "notice PN-2026-000123 is withdrawn, not awaiting payment"));
    assertThat(error.message())
        .isEqualTo("The payment was not recorded: notice PN-2026-000123 is withdrawn, not awaiting payment")
        .doesNotContain("Amount paid must be", "part payments");
  }

  @Test
  void aWrongAmountIsNamedInTheFormsWords() {
    FieldError error = NoticePageController.paymentRefused(notice, new BigDecimal("70.00"), inTheReducedPeriod,
        new InvalidInputException("amountPaid", "must be exactly £80.00"));
    assertThat(error.message()).startsWith("Amount paid must be £80.00 on ").endsWith("(you entered £70.00): part payments are not accepted");
  }

  @Test
  void aRefusedDayIsShownInTheRulesOwnWords() {
    LocalDate early = notice.issuedOn().minusDays(1);
    assertThat(NoticePageController.paymentRefused(notice, eighty, early, refusedByTheRule(eighty, early)).message())
        .startsWith("Date of the payment must be on or after 2 November 2026, the day the notice was issued (a payment on"
            + " 1 November 2026 is outside the payment period, 2 November 2026 to ");
    LocalDate late = notice.finalDeadline().plusDays(1);
    assertThat(NoticePageController.paymentRefused(notice, new BigDecimal("160.00"), late,
            refusedByTheRule(new BigDecimal("160.00"), late)).message())
        .startsWith("Date of the payment must be within the payment period, 2 November 2026 to ")
        .endsWith("a payment after the last day of the period cannot be recorded; decide on non-payment instead");
  }

  @Test
  void eachRefusalIsShownUnderTheFieldItNamesNotUnderTheAmount() {
    assertThat(NoticePageController.paymentRefused(notice, eighty, inTheReducedPeriod,
            new InvalidInputException("paymentReference", "must be at most 64 characters")))
        .extracting(FieldError::field, FieldError::anchor).containsExactly("reference", "reference");
    assertThat(NoticePageController.paymentRefused(notice, eighty, inTheReducedPeriod,
            new InvalidInputException("paymentMethod", "'voucher' is not allowed, use one of card, bank-transfer, cheque, cash")))
        .extracting(FieldError::field).isEqualTo("method");
    LocalDate early = notice.issuedOn().minusDays(1);
    assertThat(NoticePageController.paymentRefused(notice, eighty, early, refusedByTheRule(eighty, early)))
        .extracting(FieldError::field, FieldError::anchor).containsExactly("paid", "paid-day");
    // the notice itself (withdrawn meanwhile): its status at the top of the page, not a field
    assertThat(NoticePageController.paymentRefused(notice, eighty, inTheReducedPeriod,
            new InvalidInputException("noticeNumber", "notice PN-2026-000123 is withdrawn, not awaiting payment")))
        .extracting(FieldError::field).isEqualTo("state");
    assertThat(NoticePageController.paymentRefused(notice, new BigDecimal("70.00"), inTheReducedPeriod,
            refusedByTheRule(new BigDecimal("70.00"), inTheReducedPeriod)))
        .extracting(FieldError::field).isEqualTo("amount");
  }
}
