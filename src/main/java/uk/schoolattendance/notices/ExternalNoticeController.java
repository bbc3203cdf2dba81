package uk.schoolattendance.notices;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.security.CurrentUser;

/**
 * Notices issued outside the product: {@code POST /api/penalty-notices/external}. A head teacher
 * (or an authorised deputy or assistant head), the police or another local authority may have
 * issued a penalty notice to the same parent for the same child (SI 2007/1867 regs 10 to 13); the
 * compliance team records it here and it counts towards the limit of 2 in 3 years, the
 * second-notice rate and the census like the authority's own (issue #12 item 4). What its issuer
 * later reports goes here too: its withdrawal ({@code …/{n}/external-withdrawal}) and its payment
 * ({@code …/{n}/external-payment}), {@link ExternalNoticeReports}.
 */
@RestController
@RequestMapping("/api/penalty-notices")
class ExternalNoticeController {

  /** The issuer's withdrawal: the day, the ground (a withdrawal ground) and who told us. */
  record WithdrawalReport(LocalDate withdrawnOn, String withdrawalGround, String reportedBy) {}

  /** The issuer's report of payment: the amount, the day and who told us. */
  record PaymentReport(BigDecimal amountPaid, LocalDate paidOn, String reportedBy) {}

  private final PenaltyNoticeActions actions;
  private final ExternalNoticeReports reports;
  private final PenaltyNoticeRegister register;
  private final CurrentUser currentUser;

  ExternalNoticeController(
      PenaltyNoticeActions actions, ExternalNoticeReports reports, PenaltyNoticeRegister register, CurrentUser currentUser) {
    this.actions = actions;
    this.reports = reports;
    this.register = register;
    this.currentUser = currentUser;
  }

  /** Records the notice in the register (201 with its entry); the compliance team only (403 otherwise). */
  @PostMapping("/external")
  ResponseEntity<PenaltyNoticeEntry> record(@Valid @RequestBody ExternalNoticeRequest body) {
    if (!currentUser.recordsExternalNotices()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(actions.recordExternal(body));
  }

  /**
   * Records that the issuer of a notice someone else issued withdrew it (200 with the entry); the
   * compliance team only (403 otherwise), 404 for no such notice, 400 naming the field otherwise.
   */
  @PostMapping("/{noticeNumber}/external-withdrawal")
  ResponseEntity<PenaltyNoticeEntry> withdrawn(@PathVariable String noticeNumber, @RequestBody WithdrawalReport body) {
    return reported(noticeNumber, () -> reports.withdrawn(noticeNumber, body.withdrawnOn(), body.withdrawalGround(), body.reportedBy()));
  }

  /** Records the payment of a notice someone else issued, as its issuer reports it; as for the withdrawal. */
  @PostMapping("/{noticeNumber}/external-payment")
  ResponseEntity<PenaltyNoticeEntry> paid(@PathVariable String noticeNumber, @RequestBody PaymentReport body) {
    return reported(noticeNumber, () -> reports.paid(noticeNumber, body.amountPaid(), body.paidOn(), body.reportedBy()));
  }

  private ResponseEntity<PenaltyNoticeEntry> reported(String noticeNumber, java.util.function.Supplier<PenaltyNoticeEntry> report) {
    if (!currentUser.recordsExternalNotices()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    if (!CaseFacts.NOTICE_NUMBER_SHAPE.matcher(noticeNumber).matches()) {
      throw new InvalidInputException(PenaltyNotice.NOTICE_NUMBER.name(), "must be a notice number like PN-2026-000123");
    }
    if (register.find(noticeNumber).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(report.get());
  }
}
