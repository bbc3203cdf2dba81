package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * What the compliance team knows of a notice someone else issued: a head teacher (or an
 * authorised deputy or assistant head), the police or another local authority (SI 2007/1867 regs
 * 10 to 13). Recorded by {@link PenaltyNoticeActions#recordExternal}. The parent is a person: the
 * one {@code parentId} names when it is a person id, else the person matched on name, address and
 * the optional {@code parentDateOfBirth} (docs/penalty-notices.md, "Persons").
 */
@Checked
public record ExternalNoticeRequest(
    String issuedBy,
    String issuerName,
    String issuerReference,
    String pupilUpn,
    String pupilName,
    String schoolUrn,
    String parentId,
    String parentName,
    String parentAddress,
    LocalDate parentDateOfBirth,
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

  public static final List<String> ISSUERS = PenaltyNoticeEntry.ISSUERS.subList(1, PenaltyNoticeEntry.ISSUERS.size());

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
