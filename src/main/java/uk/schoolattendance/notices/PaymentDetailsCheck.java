package uk.schoolattendance.notices;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, once, which of the council's payment details are not configured: each missing
 * way to pay or placeholder address in one WARN line, and, while the name, a full address or every
 * way to pay is missing, one more WARN saying that no penalty notice will be prepared, printed or
 * issued until they are set, naming them (docs/penalty-notices.md, "How to pay"); and, while the
 * name or address is still the placeholder, one more saying that no Notice to Improve will be
 * issued either ({@link Letterhead#requireSender}).
 */
@Component
class PaymentDetailsCheck {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentDetailsCheck.class);

  private final PenaltyNoticeProperties properties;

  PaymentDetailsCheck(PenaltyNoticeProperties properties) {
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnOfMissingPaymentDetails() {
    for (String property : properties.authority().missingPaymentDetails()) {
      LOG.warn("Penalty notices: {} is not set, so the letter's 'How to pay' leaves it out; set the council's own", property);
    }
    List<String> missing = properties.authority().missingToIssue();
    if (!missing.isEmpty()) {
      LOG.warn("{}", new PaymentDetailsMissing(missing).getMessage());
    }
    List<String> sender = properties.authority().missingSender();
    if (!sender.isEmpty()) {
      LOG.warn("{}", new SenderDetailsMissing(Letterhead.NOTICES_TO_IMPROVE, sender).getMessage());
    }
  }
}
