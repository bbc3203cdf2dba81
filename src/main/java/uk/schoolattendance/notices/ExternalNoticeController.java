package uk.schoolattendance.notices;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.security.CurrentUser;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * Notices issued outside the product: {@code POST /api/penalty-notices/external}. A head teacher
 * (or an authorised deputy or assistant head), the police or another local authority may have
 * issued a penalty notice to the same parent for the same child (SI 2007/1867 regs 10 to 13); the
 * compliance team records it here and it counts towards the limit of 2 in 3 years, the
 * second-notice rate and the census like the authority's own (issue #12 item 4).
 */
@RestController
@RequestMapping("/api/penalty-notices")
class ExternalNoticeController {

  /** What the compliance team knows of a notice someone else issued. */
  @Checked
  record ExternalNoticeRequest(
      String issuedBy,
      String issuerName,
      String issuerReference,
      String pupilUpn,
      String pupilName,
      String schoolUrn,
      String parentId,
      String parentName,
      String parentAddress,
      String noticeReason,
      LocalDate offenceFrom,
      LocalDate offenceTo,
      LocalDate issuedOn,
      BigDecimal fullAmount,
      BigDecimal reducedAmount,
      Boolean paid,
      BigDecimal amountPaid,
      LocalDate paidOn)
      implements CheckedBody {

    static final List<String> ISSUERS = PenaltyNoticeEntry.ISSUERS.subList(1, PenaltyNoticeEntry.ISSUERS.size());

    @Override
    public void check() {
      Inputs.required("issuedBy", Inputs.oneOf("issuedBy", issuedBy, ISSUERS), "is required, one of " + String.join(", ", ISSUERS));
      Inputs.requiredText("issuerName", issuerName, Parents.MAX_NAME);
      Inputs.text("issuerReference", issuerReference, 64);
      Inputs.required(CaseFacts.PUPIL_UPN.name(), Inputs.upn(CaseFacts.PUPIL_UPN.name(), pupilUpn), "is required");
      Inputs.requiredText(CaseFacts.PUPIL_NAME.name(), pupilName, 200);
      Inputs.required(CaseFacts.SCHOOL_URN.name(), Inputs.schoolUrn(CaseFacts.SCHOOL_URN.name(), schoolUrn), "is required");
      Inputs.requiredText(CaseFacts.PARENT_ID.name(), parentId, Parents.MAX_ID);
      Inputs.requiredText(CaseFacts.PARENT_NAME.name(), parentName, Parents.MAX_NAME);
      Inputs.requiredText(CaseFacts.PARENT_ADDRESS.name(), parentAddress, Parents.MAX_ADDRESS);
      Inputs.required(
          CaseFacts.NOTICE_REASON.name(), Inputs.oneOf(CaseFacts.NOTICE_REASON.name(), noticeReason, PenaltyNotice.REASONS),
          "is required, one of " + String.join(", ", PenaltyNotice.REASONS));
      Inputs.required(CaseFacts.OFFENCE_FROM.name(), offenceFrom, "is required (a date, e.g. 2026-09-07)");
      Inputs.required(CaseFacts.OFFENCE_TO.name(), offenceTo, "is required (a date, e.g. 2026-10-16)");
      if (offenceTo.isBefore(offenceFrom)) {
        throw new InvalidInputException(CaseFacts.OFFENCE_TO.name(), "must not be before offenceFrom");
      }
      Inputs.required("issuedOn", issuedOn, "is required (a date, e.g. 2026-11-02)");
      if (issuedOn.isBefore(offenceTo)) {
        throw new InvalidInputException("issuedOn", "must not be before the end of the offence period");
      }
      Inputs.required("fullAmount", Inputs.pounds("fullAmount", fullAmount), "is required (pounds, e.g. 160.00)");
      Inputs.pounds("reducedAmount", reducedAmount);
      Inputs.required("paid", paid, "is required: whether the notice was paid");
      if (paid) {
        Inputs.required("amountPaid", Inputs.pounds("amountPaid", amountPaid), "is required for a paid notice");
        Inputs.required("paidOn", paidOn, "is required for a paid notice");
      }
    }
  }

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeNumbers numbers;
  private final PenaltyNoticeProperties properties;
  private final SchoolDirectory schools;
  private final CurrentUser currentUser;
  private final NoticeDates dates;

  ExternalNoticeController(
      PenaltyNoticeRegister register, PenaltyNoticeNumbers numbers, PenaltyNoticeProperties properties,
      SchoolDirectory schools, CurrentUser currentUser, NoticeDates dates) {
    this.register = register;
    this.numbers = numbers;
    this.properties = properties;
    this.schools = schools;
    this.currentUser = currentUser;
    this.dates = dates;
  }

  /** Records the notice in the register (201 with its entry); the compliance team only (403 otherwise). */
  @PostMapping("/external")
  ResponseEntity<PenaltyNoticeEntry> record(@Valid @RequestBody ExternalNoticeRequest body) {
    if (!currentUser.recordsExternalNotices()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    schools.requireServed(CaseFacts.SCHOOL_URN.name(), body.schoolUrn());
    if (body.issuedOn().isAfter(dates.today())) {
      throw new InvalidInputException("issuedOn", "must not be in the future");
    }
    String upn = body.pupilUpn().trim();
    String parent = body.parentId().trim();
    int prior = register.countStanding(parent, upn, body.issuedOn().minusYears(properties.limitYears()), body.issuedOn());
    PenaltyNoticeEntry entry =
        new PenaltyNoticeEntry(
            numbers.next(), null, null, upn, body.pupilName().trim(), body.schoolUrn().trim(), parent,
            body.parentName().trim(), body.parentAddress().trim(), body.noticeReason().trim(), body.offenceFrom(),
            body.offenceTo(), null, prior + 1,
            body.offenceFrom().isBefore(properties.rateChangeDate()) ? "pre-2024" : "2024",
            body.issuedOn(), null, body.reducedAmount(), body.fullAmount(), null, null,
            dates.informationDeadline(body.offenceTo()),
            body.paid() ? PenaltyNoticeEntry.PAID : PenaltyNoticeEntry.UNPAID,
            body.paid() ? body.amountPaid() : null, body.paid() ? body.paidOn() : null,
            null, null, null, null, null, null, body.issuedOn(), null, null,
            body.issuedBy().trim(), body.issuerName().trim(),
            body.issuerReference() == null || body.issuerReference().isBlank() ? null : body.issuerReference().trim(),
            null);
    return ResponseEntity.status(HttpStatus.CREATED).body(register.recordExternal(entry));
  }
}
