package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A council that has not set its payment details is told so at start-up, property by property. */
@ExtendWith(OutputCaptureExtension.class)
class PaymentDetailsCheckTest {

  @Test
  void eachMissingPaymentPropertyIsNamedInAWarning(CapturedOutput output) {
    PenaltyNoticeProperties.Authority noTelephone = new PenaltyNoticeProperties.Authority(
        "Seaview Borough Council", "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null,
        "https://www.seaview.example/pay-penalty-notice", null, null, null, null);
    new PaymentDetailsCheck(properties(noTelephone)).warnOfMissingPaymentDetails();

    assertThat(output.getOut() + output.getErr())
        .contains("WARN")
        .contains("attendance.penalty-notices.authority.payment-telephone is not set")
        .doesNotContain("payment-web-address is not set")
        .doesNotContain("authority.address is not set")
        // one way to pay, a name and a full address: notices may be issued, and nothing says otherwise
        .doesNotContain("cannot be prepared, printed or issued")
        .doesNotContain("Notices to Improve cannot be issued");
  }

  @Test
  void aCouncilWhoseNoticesWillBeRefusedIsToldWhyAtStartUp(CapturedOutput output) {
    new PaymentDetailsCheck(properties(PenaltyNoticeProperties.Authority.DEFAULT)).warnOfMissingPaymentDetails();

    assertThat(output.getOut() + output.getErr())
        .contains("Penalty notices cannot be prepared, printed or issued until the council's payment details are set")
        .contains("attendance.penalty-notices.authority.name is still the placeholder")
        .contains("attendance.penalty-notices.authority.address is still the placeholder")
        .contains("attendance.penalty-notices.authority.payment-by-cheque")
        // the same name and address head every Notice to Improve, which is refused too
        .containsPattern("WARN.*Notices to Improve cannot be issued until the council's name and address are set: "
            + "attendance.penalty-notices.authority.name is still the placeholder \"The Local Authority\"; "
            + "attendance.penalty-notices.authority.address is still the placeholder");
  }

  @Test
  void aCouncilWithItsNameAndAddressButNoWayToPayIsToldOnlyThatPenaltyNoticesWait(CapturedOutput output) {
    new PaymentDetailsCheck(properties(new PenaltyNoticeProperties.Authority("Seaview Borough Council",
        "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX", null, null, null, null, null, false, null, null)))
        .warnOfMissingPaymentDetails();

    assertThat(output.getOut() + output.getErr())
        .contains("Penalty notices cannot be prepared, printed or issued")
        .doesNotContain("Notices to Improve");
  }

  private static PenaltyNoticeProperties properties(PenaltyNoticeProperties.Authority authority) {
    return new PenaltyNoticeProperties(
        null, null, null, null, null, null, null, null, null, null, null, null, null, authority, null);
  }
}
