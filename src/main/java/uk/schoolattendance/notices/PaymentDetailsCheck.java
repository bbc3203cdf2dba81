package uk.schoolattendance.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, once, which of the council's payment details are not configured: without them
 * a penalty notice can only tell the parent to pay by post, to a placeholder address. Each missing
 * property is named in one WARN line (docs/penalty-notices.md, "How to pay").
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
  }
}
