package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.notices.ExternalNoticeReports;
import uk.schoolattendance.notices.NoticeActionRefused;
import uk.schoolattendance.notices.PaymentMatchesAmountDue;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeActions;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.process.EvidenceDocuments;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * One notice of the register ({@code /casework/register/{noticeNumber}}) for the compliance team:
 * its details, and recording a payment (amount, day, how, reference) or a withdrawal (ground and
 * reason) through the same messages a payment system or the API sends. A refused form comes back
 * with the GOV.UK error summary naming each field; nothing changes.
 */
@Controller
class NoticePageController {

  static final int MAX_REASON = 500;
  /** {@code done} after a notice someone else issued was recorded: the page names what it changed. */
  static final String RECORDED = "recorded";

  private static final Map<String, String> DONE =
      Map.of("payment", "The payment has been recorded", "withdrawal", "The notice has been withdrawn",
          "issuer-payment", "The issuer's report of payment has been recorded",
          "refund", "The refund has been recorded",
          "issuer-withdrawal", "The issuer's withdrawal has been recorded: the notice no longer counts towards the limit",
          RECORDED, "The notice has been recorded in the register");


  /** The notice page: its details as label and value (a missing value is no line), the forms it takes. */
  record NoticePage(
      String title, PenaltyNoticeEntry notice, String stateLabel, String stateTag, List<Line> details, String letterHref,
      boolean takesPayment, boolean takesWithdrawal, String amountDueToday, PaymentForm payment, WithdrawalForm withdrawal,
      List<FieldError> errors, String done, Map<String, String> methods, Map<String, String> grounds,
      String beyondLimit, List<EvidenceLink> evidence, boolean takesIssuerPayment, boolean takesIssuerWithdrawal,
      IssuerPaymentForm issuerPayment, IssuerWithdrawalForm issuerWithdrawal, String notPrintable, List<String> attention,
      boolean takesRefund, RefundForm refund) {}

  /** The refund of an overpayment, as the compliance team records it made. */
  record RefundForm(DayInput refunded, String method, String reference) {}

  /** The issuer's report of payment of a notice someone else issued, as typed. */
  record IssuerPaymentForm(String amount, DayInput paid, String reportedBy) {}

  /** The issuer's withdrawal of a notice someone else issued, as typed. */
  record IssuerWithdrawalForm(DayInput withdrawn, String ground, String reportedBy) {}

  record Line(String label, String value) {}

  /** A document kept as the notice's evidence (the registration certificate of its offence period), where to open it. */
  record EvidenceLink(String title, String href, String size) {}

  record PaymentForm(String amount, DayInput paid, String method, String reference) {}

  record WithdrawalForm(String ground, String reason) {}

  private final RegisterKeepers keepers;
  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeActions actions;
  private final UkDates dates;
  private final SchoolDirectory schools;
  private final PenaltyNoticeProperties properties;
  private final EvidenceDocuments documents;
  private final ExternalNoticeReports reports;

  NoticePageController(RegisterKeepers keepers, PenaltyNoticeRegister register, PenaltyNoticeActions actions, UkDates dates,
      SchoolDirectory schools, PenaltyNoticeProperties properties, EvidenceDocuments documents, ExternalNoticeReports reports) {
    this.reports = reports;
    this.properties = properties;
    this.documents = documents;
    this.schools = schools;
    this.keepers = keepers;
    this.register = register;
    this.actions = actions;
    this.dates = dates;
  }

  static String href(String noticeNumber) {
    return RegisterPageController.PATH + "/" + noticeNumber;
  }

  @GetMapping(RegisterPageController.PATH + "/{noticeNumber}")
  String notice(@PathVariable String noticeNumber, @RequestParam(required = false) String done, HttpServletRequest request,
      Model model) {
    keepers.require(request);
    model.addAttribute("page", page(notice(noticeNumber), emptyPayment(), new WithdrawalForm("", ""), List.of(),
        done == null ? null : DONE.get(done)));
    return "casefile/notice";
  }

  /**
   * The issuer of a notice someone else issued withdrew it: the day, the ground, who told us
   * ({@link ExternalNoticeReports#withdrawn}). A refusal names the field; nothing changes.
   */
  @PostMapping(RegisterPageController.PATH + "/{noticeNumber}/issuer-withdrawal")
  String issuerWithdrawal(
      @PathVariable String noticeNumber,
      @RequestParam(name = "withdrawn-day", required = false) String day,
      @RequestParam(name = "withdrawn-month", required = false) String month,
      @RequestParam(name = "withdrawn-year", required = false) String year,
      @RequestParam(required = false) String ground,
      @RequestParam(name = "withdrawal-reported-by", required = false) String reportedBy,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    notice(noticeNumber);
    IssuerWithdrawalForm form = new IssuerWithdrawalForm(new DayInput(day, month, year), ground, reportedBy);
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = form.withdrawn().pastOrToday("withdrawn", "the withdrawal", dates.today(), errors);
    if (ground == null || !NoticeWords.GROUNDS.containsKey(ground)) {
      errors.add(new FieldError("ground", "Select the ground the issuer gave for withdrawing the notice"));
    }
    reportedBy(reportedBy, "withdrawal-reported-by", errors);
    if (errors.isEmpty()) {
      try {
        reports.withdrawn(noticeNumber, on, ground, reportedBy.strip());
        return "redirect:" + href(noticeNumber) + "?done=issuer-withdrawal";
      } catch (InvalidInputException refused) {
        errors.add(issuerError(refused, "withdrawn", "withdrawnOn", "withdrawal-reported-by", "The withdrawal was not recorded: "));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(register.get(noticeNumber), emptyPayment(), new WithdrawalForm("", ""), errors, null,
        emptyIssuerPayment(), form));
    return "casefile/notice";
  }

  /** The issuer of a notice someone else issued reports it paid: amount, day, who told us ({@link ExternalNoticeReports#paid}). */
  @PostMapping(RegisterPageController.PATH + "/{noticeNumber}/issuer-payment")
  String issuerPayment(
      @PathVariable String noticeNumber,
      @RequestParam(required = false) String amount,
      @RequestParam(name = "paid-day", required = false) String day,
      @RequestParam(name = "paid-month", required = false) String month,
      @RequestParam(name = "paid-year", required = false) String year,
      @RequestParam(name = "payment-reported-by", required = false) String reportedBy,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    notice(noticeNumber);
    IssuerPaymentForm form = new IssuerPaymentForm(amount, new DayInput(day, month, year), reportedBy);
    List<FieldError> errors = new ArrayList<>();
    BigDecimal paid = Pounds.read(amount, "amount", "the amount paid", true, errors);
    LocalDate paidOn = form.paid().pastOrToday("paid", "the payment", dates.today(), errors);
    reportedBy(reportedBy, "payment-reported-by", errors);
    if (errors.isEmpty()) {
      try {
        reports.paid(noticeNumber, paid, paidOn, reportedBy.strip());
        return "redirect:" + href(noticeNumber) + "?done=issuer-payment";
      } catch (InvalidInputException refused) {
        errors.add("amountPaid".equals(refused.getField())
            ? new FieldError("amount", "The payment was not recorded: the amount " + refused.getRule())
            : issuerError(refused, "paid", "paidOn", "payment-reported-by", "The payment was not recorded: "));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(register.get(noticeNumber), emptyPayment(), new WithdrawalForm("", ""), errors, null,
        form, emptyIssuerWithdrawal()));
    return "casefile/notice";
  }

  private static void reportedBy(String reportedBy, String field, List<FieldError> errors) {
    String who = reportedBy == null ? "" : reportedBy.strip();
    if (who.isEmpty()) {
      errors.add(new FieldError(field, "Enter who told you, for example the head teacher’s name and school"));
    } else if (who.length() > ExternalNoticeReports.MAX_REPORTED_BY) {
      errors.add(new FieldError(field, "Who told you must be " + ExternalNoticeReports.MAX_REPORTED_BY + " characters or fewer"));
    }
  }

  /** A refusal of the issuer's report, on the field it names: the date, who told us, or the notice itself. */
  private static FieldError issuerError(InvalidInputException refused, String dateField, String dateName, String reportedByField,
      String lead) {
    String field = refused.getField();
    if (dateName.equals(field)) {
      return FieldError.ofDate(dateField, lead + "the date " + refused.getRule());
    }
    if ("reportedBy".equals(field)) {
      return new FieldError(reportedByField, lead + "who told you " + refused.getRule());
    }
    if ("withdrawalGround".equals(field)) {
      return new FieldError("ground", lead + "the ground " + refused.getRule());
    }
    return new FieldError("state", lead + refused.getRule());
  }

  /**
   * A refused payment in the words of the form's fields (walk 12 #8): "Amount paid must be £80.00 on
   * 29 November 2026 (you entered £100.00)", "Date of the payment must be on or after 29 November
   * 2026, the day the notice was issued …". An overpayment up to the notice's full amount is recorded
   * (the excess a refund due); more than the full amount is refused as a likely mistyped amount. The amount's words are
   * used only when the amount is what was refused; a refused day is shown in the rule's own words
   * ({@code PaymentMatchesAmountDue.requireAmountDue} names the day of issue or the last day), and
   * any other refusal (the notice is no longer awaiting payment, say) says its own rule.
   */
  static FieldError paymentRefused(PenaltyNoticeEntry notice, BigDecimal paid, LocalDate paidOn, InvalidInputException refused) {
    String field = refused.getField();
    if (PenaltyNotice.PAID_ON.name().equals(field)) {
      return FieldError.ofDate("paid", "Date of the payment " + refused.getRule());
    }
    if (!PenaltyNotice.AMOUNT_PAID.name().equals(field)) {
      // each refusal under the field the server named (review 4, N2): how it was paid, its reference,
      // or, for the notice itself (withdrawn or paid meanwhile), its status at the top of the page
      return new FieldError(PAYMENT_FIELDS.getOrDefault(field, STATE), "The payment was not recorded: " + refused.getRule());
    }
    BigDecimal due = paidOn == null ? null : notice.amountDueOn(paidOn);
    if (due == null || paid == null || paid.compareTo(due) == 0) {
      return new FieldError("amount", "The payment was not recorded: " + refused.getRule());
    }
    if (paid.compareTo(due) > 0) {
      return new FieldError("amount", "Amount paid must be no more than " + NoticeWords.pounds(PaymentMatchesAmountDue.mostAccepted(notice))
          + ", the full amount of the notice (you entered " + NoticeWords.pounds(paid) + "): check the amount received");
    }
    return new FieldError("amount", "Amount paid must be " + NoticeWords.pounds(due) + " on " + Days.shown(paidOn)
        + " (you entered " + NoticeWords.pounds(paid) + "): part payments are not accepted");
  }

  /** The page's field for each field a refused payment names (the API's names: {@code PenaltyNoticeActions#pay}). */
  static final Map<String, String> PAYMENT_FIELDS = Map.of(
      PenaltyNotice.AMOUNT_PAID.name(), "amount", PenaltyNotice.PAID_ON.name(), "paid",
      PenaltyNoticeActions.PAYMENT_METHOD, "method", PenaltyNoticeActions.PAYMENT_REFERENCE, "reference");

  /** The notice's status at the top of the page: where a refusal about the notice itself, not a field, is shown. */
  static final String STATE = "state";

  @PostMapping(RegisterPageController.PATH + "/{noticeNumber}/payment")
  String pay(
      @PathVariable String noticeNumber,
      @RequestParam(required = false) String amount,
      @RequestParam(name = "paid-day", required = false) String day,
      @RequestParam(name = "paid-month", required = false) String month,
      @RequestParam(name = "paid-year", required = false) String year,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String reference,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    PenaltyNoticeEntry notice = notice(noticeNumber);
    PaymentForm form = new PaymentForm(amount, new DayInput(day, month, year), method, reference);
    List<FieldError> errors = new ArrayList<>();
    BigDecimal paid = Pounds.read(amount, "amount", "the amount paid", true, errors);
    LocalDate paidOn = form.paid().pastOrToday("paid", "the payment", dates.today(), errors);
    if (method == null || !NoticeWords.PAYMENT_METHODS.containsKey(method)) {
      errors.add(new FieldError("method", "Select how the payment was made"));
    }
    if (reference != null && reference.strip().length() > PenaltyNoticeActions.MAX_PAYMENT_REFERENCE) {
      errors.add(new FieldError("reference", "The reference must be " + PenaltyNoticeActions.MAX_PAYMENT_REFERENCE + " characters or fewer"));
    }
    if (errors.isEmpty()) {
      try {
        actions.pay(noticeNumber, paid, paidOn, method, reference);
        return "redirect:" + href(noticeNumber) + "?done=payment";
      } catch (InvalidInputException refused) {
        errors.add(paymentRefused(notice, paid, paidOn, refused));
      } catch (NoticeActionRefused refused) {
        errors.add(new FieldError(STATE, "The payment was not recorded: " + refused.getMessage()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(register.get(noticeNumber), form, new WithdrawalForm("", ""), errors, null));
    return "casefile/notice";
  }

  /**
   * Records the refund of an overpayment as made (when, how, its reference; who is the signed-in
   * officer), through {@link PenaltyNoticeActions#recordRefund}. A refusal names the field; nothing changes.
   */
  @PostMapping(RegisterPageController.PATH + "/{noticeNumber}/refund")
  String refund(
      @PathVariable String noticeNumber,
      @RequestParam(name = "refunded-day", required = false) String day,
      @RequestParam(name = "refunded-month", required = false) String month,
      @RequestParam(name = "refunded-year", required = false) String year,
      @RequestParam(name = "refund-method", required = false) String method,
      @RequestParam(name = "refund-reference", required = false) String reference,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    notice(noticeNumber);
    RefundForm form = new RefundForm(new DayInput(day, month, year), method, reference);
    List<FieldError> errors = new ArrayList<>();
    LocalDate on = form.refunded().pastOrToday("refunded", "the refund", dates.today(), errors);
    if (method == null || !NoticeWords.PAYMENT_METHODS.containsKey(method)) {
      errors.add(new FieldError("refund-method", "Select how the refund was made"));
    }
    if (reference != null && reference.strip().length() > PenaltyNoticeActions.MAX_PAYMENT_REFERENCE) {
      errors.add(new FieldError("refund-reference", "The reference must be " + PenaltyNoticeActions.MAX_PAYMENT_REFERENCE + " characters or fewer"));
    }
    if (errors.isEmpty()) {
      try {
        actions.recordRefund(noticeNumber, on, method, reference);
        return "redirect:" + href(noticeNumber) + "?done=refund";
      } catch (InvalidInputException refused) {
        String field = refused.getField();
        errors.add(PenaltyNoticeActions.REFUNDED_ON.equals(field)
            ? FieldError.ofDate("refunded", "Date of the refund " + refused.getRule())
            : new FieldError(PenaltyNoticeActions.REFUND_METHOD.equals(field) ? "refund-method"
                : PenaltyNoticeActions.REFUND_REFERENCE.equals(field) ? "refund-reference" : STATE,
                "The refund was not recorded: " + refused.getRule()));
      } catch (NoticeActionRefused refused) {
        errors.add(new FieldError(STATE, "The refund was not recorded: " + refused.getMessage()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(register.get(noticeNumber), emptyPayment(), new WithdrawalForm("", ""), errors, null,
        emptyIssuerPayment(), emptyIssuerWithdrawal(), form));
    return "casefile/notice";
  }

  @PostMapping(RegisterPageController.PATH + "/{noticeNumber}/withdrawal")
  String withdraw(
      @PathVariable String noticeNumber,
      @RequestParam(required = false) String ground,
      @RequestParam(name = "withdrawal-reason", required = false) String reason,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    notice(noticeNumber);
    WithdrawalForm form = new WithdrawalForm(ground, reason);
    List<FieldError> errors = new ArrayList<>();
    if (ground == null || !NoticeWords.GROUNDS.containsKey(ground)) {
      errors.add(new FieldError("ground", "Select the ground for withdrawing the notice"));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      errors.add(new FieldError("withdrawal-reason", "Enter why the notice is withdrawn"));
    } else if (why.length() > MAX_REASON) {
      errors.add(new FieldError("withdrawal-reason", "The reason must be " + MAX_REASON + " characters or fewer"));
    }
    if (errors.isEmpty()) {
      try {
        actions.withdraw(noticeNumber, why, ground);
        return "redirect:" + href(noticeNumber) + "?done=withdrawal";
      } catch (InvalidInputException | NoticeActionRefused refused) {
        errors.add(new FieldError("ground", "The notice was not withdrawn: " + refused.getMessage()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(register.get(noticeNumber), emptyPayment(), form, errors, null));
    return "casefile/notice";
  }

  private PenaltyNoticeEntry notice(String noticeNumber) {
    if (!CaseFacts.NOTICE_NUMBER_SHAPE.matcher(noticeNumber).matches()) {
      throw new PageNotFoundException("notice " + noticeNumber);
    }
    return register.find(noticeNumber).orElseThrow(() -> new PageNotFoundException("notice " + noticeNumber));
  }

  private static PaymentForm emptyPayment() {
    return new PaymentForm("", DayInput.empty(), "", "");
  }

  private static IssuerPaymentForm emptyIssuerPayment() {
    return new IssuerPaymentForm("", DayInput.empty(), "");
  }

  private static IssuerWithdrawalForm emptyIssuerWithdrawal() {
    return new IssuerWithdrawalForm(DayInput.empty(), "", "");
  }

  private NoticePage page(PenaltyNoticeEntry notice, PaymentForm payment, WithdrawalForm withdrawal, List<FieldError> errors,
      String done) {
    return page(notice, payment, withdrawal, errors, done, emptyIssuerPayment(), emptyIssuerWithdrawal());
  }

  private NoticePage page(PenaltyNoticeEntry notice, PaymentForm payment, WithdrawalForm withdrawal, List<FieldError> errors,
      String done, IssuerPaymentForm issuerPayment, IssuerWithdrawalForm issuerWithdrawal) {
    return page(notice, payment, withdrawal, errors, done, issuerPayment, issuerWithdrawal, new RefundForm(DayInput.empty(), "", ""));
  }

  private NoticePage page(PenaltyNoticeEntry notice, PaymentForm payment, WithdrawalForm withdrawal, List<FieldError> errors,
      String done, IssuerPaymentForm issuerPayment, IssuerWithdrawalForm issuerWithdrawal, RefundForm refund) {
    String status = notice.status();
    boolean others = !PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy());
    boolean notPrintable = PenaltyNoticeEntry.PREPARED.equals(status) && notice.beyondLimit(properties.limit());
    boolean takesPayment = PenaltyNoticeEntry.ISSUED.equals(status);
    boolean takesWithdrawal = notice.processInstanceId() != null
        && List.of(PenaltyNoticeEntry.PREPARED, PenaltyNoticeEntry.ISSUED, PenaltyNoticeEntry.UNPAID).contains(status);
    BigDecimal due = takesPayment && notice.finalDeadline() != null ? notice.amountDueOn(dates.today()) : null;
    return new NoticePage(
        "Penalty notice " + notice.noticeNumber(), notice, NoticeWords.state(notice), NoticeWords.tag(status), details(notice),
        notice.processInstanceId() == null || notPrintable || notice.withdrawnBeforeIssue() ? null
            : "/api/penalty-notices/" + notice.noticeNumber() + "/letter",
        takesPayment, takesWithdrawal, due == null ? null : NoticeWords.pounds(due), payment, withdrawal, errors, done,
        NoticeWords.PAYMENT_METHODS, NoticeWords.GROUNDS, beyondLimit(notice), evidence(notice),
        others && PenaltyNoticeEntry.UNPAID.equals(status),
        others && List.of(PenaltyNoticeEntry.UNPAID, PenaltyNoticeEntry.PAID).contains(status),
        issuerPayment, issuerWithdrawal, notPrintable ? notPrintable(notice) : null,
        DONE.get(RECORDED).equals(done) ? attention(notice) : List.of(),
        register.refund(notice.noticeNumber()).filter(owed -> !owed.made()).isPresent(), refund);
  }

  /**
   * What recording a notice someone else issued changed, for its confirmation (walk 12, #6): every
   * notice to the same parent for the same child, this one included, that now stands beyond the
   * limit, and every one at 2nd place or later that carries a reduced amount, which a second notice
   * cannot have (SI 2007/1867 reg 4(2) as inserted by SI 2024/210). Each is named, so the compliance
   * team can open it; an issued notice keeps the amounts it was issued with, so this is a warning.
   */
  private List<String> attention(PenaltyNoticeEntry recorded) {
    List<String> lines = new ArrayList<>();
    List<PenaltyNoticeEntry> notices = new ArrayList<>(register.othersToSameParentAndChild(recorded.noticeNumber()));
    notices.add(recorded);
    for (PenaltyNoticeEntry n : notices) {
      String by = NoticeWords.issuer(n.issuedBy()).toLowerCase(java.util.Locale.UK);
      String which = n.noticeNumber().equals(recorded.noticeNumber()) ? "This notice" : n.noticeNumber() + " ("
          + (n.issuedOn() == null ? "prepared by " + by + ", not yet issued" : "issued by " + by + " on "
              + dates.day(n.issuedOn()) + "; " + NoticeWords.state(n).toLowerCase(java.util.Locale.UK)) + ")";
      String place = NoticeWords.sequence(n.sequence(), properties.limitYears());
      if (n.beyondLimit(properties.limit()) && !n.noticeNumber().equals(recorded.noticeNumber())) {
        lines.add(which + " is now the " + place + " to this parent for this child: beyond the limit of "
            + properties.limit() + ". Open it to see what to do.");
      }
      if (n.sequence() > 1 && n.reducedAmount() != null) {
        lines.add(which + " is the " + place + " but carries a reduced amount of " + NoticeWords.pounds(n.reducedAmount())
            + ": a second or later notice to the same parent for the same child has no reduced amount (SI 2007/1867"
            + " reg 4(2) as inserted by SI 2024/210). Check the amounts with "
            + (PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(n.issuedBy()) ? "the letter as it was sent." : "its issuer."));
      }
    }
    return lines;
  }

  /**
   * What the officer should do with a prepared notice beyond the limit: it is not printed or posted
   * (the letter and the print queue refuse it); withdraw it, which cancels it before issue, and choose
   * another route for the case.
   */
  private String notPrintable(PenaltyNoticeEntry notice) {
    return "Do not print or post this notice: it cannot be issued, and its letter is not printed. Withdraw it below with"
        + " the ground “" + NoticeWords.GROUNDS.get("outside-code-of-conduct") + "”: that cancels it before it is issued."
        + (notice.caseReference() == null ? "" : " Then the case’s officer or a senior practitioner chooses another route"
            + " for case " + notice.caseReference() + ", such as prosecution or further support.");
  }

  /**
   * The warning a notice beyond the limit carries: no more than {@code limit} notices to the same
   * parent for the same child in {@code limit-years} years (the national framework for penalty
   * notices, which every local code of conduct follows: SI 2007/1867 regs 14 to 18). An issued notice
   * stands there only when someone else issued it: the register records it as the fact it is and
   * says so. The authority's own prepared notice can be moved there by a notice recorded late; it
   * cannot then be issued ({@link PenaltyNoticeEntry#beyondLimit}, the same rule as the register's tag).
   * What withdrawing means differs: an issued notice, withdrawn, bars prosecuting its recipient for
   * its offence (SI 2007/1867 reg 8, {@link uk.schoolattendance.notices.ProsecutionBar}); a prepared
   * one never had a recipient and bars nothing.
   */
  private String beyondLimit(PenaltyNoticeEntry notice) {
    if (!notice.beyondLimit(properties.limit())) {
      return null;
    }
    String limit = "This is the " + NoticeWords.sequence(notice.sequence(), properties.limitYears()) + " to this parent"
        + " for this child: no more than " + properties.limit() + " penalty notices may be issued to the same parent for"
        + " the same child in " + properties.limitYears() + " years (the national framework for penalty notices and the"
        + " local code of conduct), ";
    if (notice.issuedOn() == null) {
      // never given, it has no recipient: withdrawing it bars no prosecution (reg 8 protects a recipient)
      return limit + "so it cannot be issued. Withdrawn before it is issued, it was never given to the parent and bars"
          + " no proceedings: another route, such as prosecution for this period, stays open.";
    }
    // given: once withdrawn, no proceedings against its recipient for the offence it related to (reg 8)
    return limit + "so it ought not to have been issued. It may be withdrawn (SI 2007/1867 reg 8), but once it is"
        + " withdrawn no proceedings may be instituted against this parent for the offence it related to: a prosecution"
        + " of this parent is then possible only for a period this notice does not cover; the other parent, if any, may"
        + " still be prosecuted for this period.";
  }

  /** The notice's evidence documents, each linked to where it is served. */
  private List<EvidenceLink> evidence(PenaltyNoticeEntry notice) {
    return documents.of(EvidenceDocuments.penaltyNotice(notice.noticeNumber())).stream()
        .map(document -> new EvidenceLink(
            document.title(), "/api/pupils/" + document.pupilUpn() + "/documents/" + document.id(), size(document.size())))
        .toList();
  }

  private static String size(int bytes) {
    return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KB";
  }

  private List<Line> details(PenaltyNoticeEntry n) {
    List<Line> lines = new ArrayList<>();
    PenaltyNoticeRegister.IssuerReports told = register.issuerReports(n.noticeNumber());
    add(lines, "Child", n.pupilName() + " (UPN " + n.pupilUpn() + ")");
    add(lines, "School", schools.find(n.schoolUrn()).map(school -> school.name() + " (URN " + n.schoolUrn() + ")").orElse(n.schoolUrn()));
    add(lines, "Parent", n.parentName());
    add(lines, "Address", n.parentAddress());
    add(lines, "Reason", NoticeWords.REASONS.getOrDefault(n.noticeReason(), n.noticeReason()));
    add(lines, "Offence period", dates.day(n.offenceFrom()) + " to " + dates.day(n.offenceTo()));
    add(lines, "Issued by", NoticeWords.issuer(n.issuedBy())
        + (n.issuerName() == null ? "" : ": " + n.issuerName())
        + (n.issuerReference() == null ? "" : " (reference " + n.issuerReference() + ")"));
    add(lines, "Case", n.caseReference());
    add(lines, "Notice for this parent and child", NoticeWords.sequence(n.sequence(), properties.limitYears())
        + (n.beyondLimit(properties.limit()) ? ": beyond the limit of " + properties.limit() : ""));
    add(lines, "Prepared on", dates.day(n.preparedOn()));
    add(lines, "Issued on", n.issuedOn() == null ? "" : dates.day(n.issuedOn())
        + (n.deliveryMethod() == null ? "" : "post".equals(n.deliveryMethod()) ? ", by post" : ", by hand"));
    add(lines, "Received on", dates.day(n.deemedReceivedOn()));
    add(lines, "Reduced amount", n.reducedAmount() == null ? "" : NoticeWords.pounds(n.reducedAmount())
        + (n.reducedDeadline() == null ? "" : " if paid by " + dates.day(n.reducedDeadline())));
    add(lines, "Full amount", NoticeWords.pounds(n.fullAmount())
        + (n.finalDeadline() == null ? "" : " if paid by " + dates.day(n.finalDeadline())));
    add(lines, "Paid", n.amountPaid() == null ? "" : NoticeWords.pounds(n.amountPaid())
        + (n.paidOn() == null ? "" : " on " + dates.day(n.paidOn()))
        + register.paymentDetails(n.noticeNumber()).map(d -> paymentWords(d)).orElse("")
        + (told.paymentReportedBy() == null ? "" : ", as its issuer reported (told by " + told.paymentReportedBy() + ")"));
    java.util.Optional<PenaltyNoticeRegister.Refund> overpaid = register.refund(n.noticeNumber());
    overpaid.ifPresent(refund -> {
      if (refund.made()) {
        add(lines, "Refunded", NoticeWords.pounds(refund.amount()) + " on " + dates.day(refund.refundedOn())
            + paymentWords(new PenaltyNoticeRegister.PaymentDetails(refund.method(), refund.reference()))
            + (refund.refundedBy() == null ? "" : ", recorded by " + refund.refundedBy()));
      } else {
        // money received beyond the amount due that day is owed back to the payer
        add(lines, "Refund due", NoticeWords.pounds(refund.amount()));
      }
    });
    add(lines, "Withdrawn", n.withdrawnOn() == null ? "" : dates.day(n.withdrawnOn())
        + (n.withdrawalGround() == null ? "" : ": " + NoticeWords.GROUNDS.getOrDefault(n.withdrawalGround(), n.withdrawalGround()))
        + (n.withdrawalReason() == null ? "" : ". " + n.withdrawalReason()));
    // reg 8 repays the penalty paid; an overpayment is the refund above (due or made), never counted twice
    add(lines, "Repayment", PenaltyNoticeEntry.WITHDRAWN.equals(n.status()) && n.amountPaid() != null
        ? NoticeWords.pounds(overpaid.map(r -> n.amountPaid().subtract(r.amount())).orElse(n.amountPaid()))
            + " paid" + (overpaid.isPresent() ? " as the penalty" : "") + " must be repaid to the person who paid it (SI 2007/1867 reg 8)"
            + overpaid.map(r -> "; the overpayment of " + NoticeWords.pounds(r.amount()) + " is the refund "
                + (r.made() ? "already made" : "due") + " above").orElse("")
        : "");
    String passed = NoticeWords.timeLimitPassed(n, dates.today(), dates.day(n.informationDeadline()));
    if (passed != null) {
      // the six months have run: no date to start by, and no prosecution to offer (walk 12, #7)
      add(lines, "Prosecution", passed + " (Magistrates' Courts Act 1980 s127)");
    } else {
      add(lines, "Prosecution must start by", PenaltyNoticeEntry.UNPAID.equals(n.status()) ? dates.day(n.informationDeadline()) : "");
    }
    add(lines, "Prosecuted on", dates.day(n.prosecutedOn()));
    add(lines, "Issuing officer", n.issuingOfficerName());
    return lines;
  }

  private static String paymentWords(PenaltyNoticeRegister.PaymentDetails details) {
    String how = details.method() == null ? "" : ", " + NoticeWords.PAYMENT_METHODS.getOrDefault(details.method(), details.method()).toLowerCase(java.util.Locale.UK);
    String reference = details.reference() == null ? "" : ", reference " + details.reference();
    return how + reference;
  }

  private static void add(List<Line> lines, String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(new Line(label, value));
    }
  }
}
