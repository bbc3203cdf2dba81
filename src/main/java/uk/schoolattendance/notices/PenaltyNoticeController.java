package uk.schoolattendance.notices;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.EvidenceDocuments;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.security.CurrentUser;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/** The penalty notice register: {@code /api/penalty-notices}. */
@RestController
@RequestMapping("/api/penalty-notices")
class PenaltyNoticeController {

  /**
   * A payment recorded through the API: the amount exactly as sent (a JSON number read as a
   * decimal, never through a double), the day it was made (default today), and optionally how it
   * was paid ({@code card}, {@code bank-transfer}, {@code cheque}, {@code cash}) and its reference.
   */
  @Checked
  record PaymentRequest(BigDecimal amountPaid, LocalDate paidOn, String paymentMethod, String paymentReference)
      implements CheckedBody {
    @Override
    public void check() {
      Inputs.required(
          PenaltyNotice.AMOUNT_PAID.name(),
          Inputs.pounds(PenaltyNotice.AMOUNT_PAID.name(), amountPaid),
          "is required (an amount in pounds, e.g. 80.00)");
      Inputs.oneOf(PenaltyNoticeActions.PAYMENT_METHOD, paymentMethod, PenaltyNoticeActions.PAYMENT_METHODS);
      Inputs.text(PenaltyNoticeActions.PAYMENT_REFERENCE, paymentReference, PenaltyNoticeActions.MAX_PAYMENT_REFERENCE);
    }
  }

  /**
   * The day and the way a prepared notice was given to the parent: {@code deliveryMethod}
   * {@code post} or {@code hand}, {@code dispatchedOn} (default today).
   */
  @Checked
  record DispatchRequest(String deliveryMethod, LocalDate dispatchedOn) implements CheckedBody {
    @Override
    public void check() {
      Inputs.required(
          PenaltyNotice.DELIVERY_METHOD.name(),
          Inputs.oneOf(PenaltyNotice.DELIVERY_METHOD.name(), deliveryMethod, PenaltyNotice.DELIVERY_METHODS),
          "is required, one of " + String.join(", ", PenaltyNotice.DELIVERY_METHODS));
    }
  }

  private static final Set<String> STATUSES =
      Set.of(PenaltyNoticeEntry.PREPARED, PenaltyNoticeEntry.ISSUED, PenaltyNoticeEntry.UNPAID, PenaltyNoticeEntry.PAID,
          PenaltyNoticeEntry.WITHDRAWN, PenaltyNoticeEntry.PROSECUTED);
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

  private final PenaltyNoticeRegister register;
  private final LetterPrinting printing;
  private final PenaltyNoticeProperties properties;
  private final PenaltyNoticeActions actions;
  private final CurrentUser currentUser;
  private final NoticeDates dates;
  private final EvidenceDocuments documents;

  PenaltyNoticeController(
      PenaltyNoticeRegister register, LetterPrinting printing, PenaltyNoticeProperties properties,
      PenaltyNoticeActions actions, CurrentUser currentUser, NoticeDates dates,
      EvidenceDocuments documents) {
    this.documents = documents;
    this.dates = dates;
    this.register = register;
    this.printing = printing;
    this.properties = properties;
    this.actions = actions;
    this.currentUser = currentUser;
  }

  /** The notice, if it exists and the caller may read it (a school: its own pupils only). */
  private java.util.Optional<PenaltyNoticeEntry> visible(String noticeNumber) {
    return register.find(noticeNumber).filter(notice -> currentUser.mayRead(notice.schoolUrn()));
  }

  /**
   * One page of the register ({@code page} from 0, {@code size} notices), newest first (by day of
   * issue, then notice number: every notice on exactly one page), with the filters applied, and
   * {@code totalElements} and {@code totalPages}. A page past the last is refused naming {@code page}
   * (page 0 always exists, empty when nothing matches).
   */
  @GetMapping
  Map<String, Object> list(
      @RequestParam(required = false) String caseReference,
      @RequestParam(required = false) String pupilUpn,
      @RequestParam(required = false) String parentId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    if (caseReference != null && !REFERENCE.matcher(caseReference).matches()) {
      throw new InvalidInputException("caseReference", "must be a case reference of at most 64 letters, digits, '.', '_', '/' or '-'");
    }
    if (pupilUpn != null) {
      pupilUpn = Inputs.upn(PenaltyNotice.PUPIL_UPN.name(), pupilUpn);
    }
    if (parentId != null && !REFERENCE.matcher(parentId).matches()) {
      throw new InvalidInputException("parentId", "must be at most 64 letters, digits, '.', '_', '/' or '-'");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidInputException("status", "must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
    }
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / 1000);
    int pageSize = number("size", size, 20, 1, properties.maxPageSize());
    RegisterQuery query =
        RegisterQuery.ofFilters(
            caseReference, pupilUpn, parentId, status, pageNumber, pageSize,
            currentUser.readsEverySchool() ? null : currentUser.schoolUrns());
    long total = register.count(query);
    long totalPages = (total + pageSize - 1) / pageSize;
    if (pageNumber > 0 && pageNumber >= totalPages) {
      throw new InvalidInputException(
          "page", "must be from 0 to " + Math.max(0, totalPages - 1) + ": " + total + (total == 1 ? " notice matches" : " notices match")
              + ", " + totalPages + (totalPages == 1 ? " page" : " pages") + " of " + pageSize);
    }
    List<PenaltyNoticeEntry> content = register.search(query);
    return Map.of(
        "content", content, "page", pageNumber, "size", pageSize, "totalElements", total, "totalPages", totalPages);
  }

  @GetMapping("/{noticeNumber}")
  ResponseEntity<PenaltyNoticeEntry> one(@PathVariable String noticeNumber) {
    checkNumber(noticeNumber);
    return ResponseEntity.of(visible(noticeNumber));
  }

  /**
   * The notice's evidence generated from the register of marks: the registration certificate of
   * its offence period, by title, with the stored document's id, SHA-256 and where to read it
   * ({@code /api/pupils/{upn}/documents/{id}}, the same authorizations as the pupil's figures).
   */
  @GetMapping("/{noticeNumber}/evidence")
  ResponseEntity<List<Map<String, Object>>> evidence(@PathVariable String noticeNumber) {
    checkNumber(noticeNumber);
    return ResponseEntity.of(visible(noticeNumber).map(notice -> documents.of(EvidenceDocuments.penaltyNotice(notice.noticeNumber()))
        .stream()
        .map(document -> {
          Map<String, Object> item = new java.util.LinkedHashMap<>();
          item.put("documentId", document.id());
          item.put("title", document.title());
          item.put("sha256", document.sha256());
          item.put("size", document.size());
          item.put("href", "/api/pupils/" + document.pupilUpn() + "/documents/" + document.id());
          return item;
        })
        .toList()));
  }

  /**
   * The notice as a PDF, rendered from its register entry. A notice not yet posted or handed over
   * is printed for the day it will be given ({@code dispatchOn}, default today) and the way
   * ({@code deliveryMethod}, default post): its date of issue, receipt and deadlines follow from
   * them. Once issued, the letter is the one sent ({@link PenaltyNoticeRegister#asSent}). A prepared notice beyond the
   * limit is not printed: 409 "Beyond the limit", as its posting is refused; nor is a notice withdrawn before it was
   * issued: 409 "Withdrawn before issue", it was never sent ({@link LetterPrinting}).
   */
  @GetMapping("/{noticeNumber}/letter")
  ResponseEntity<byte[]> letter(
      @PathVariable String noticeNumber,
      @RequestParam(required = false) String deliveryMethod,
      @RequestParam(required = false) String dispatchOn) {
    checkNumber(noticeNumber);
    String method = Inputs.oneOf(PenaltyNotice.DELIVERY_METHOD.name(), deliveryMethod, PenaltyNotice.DELIVERY_METHODS);
    LocalDate on = Inputs.day("dispatchOn", dispatchOn, dates.zone());
    return visible(noticeNumber)
        .map(
            notice ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(noticeNumber + ".pdf").build().toString())
                    .body(printing.letter(notice, method == null ? PenaltyNotice.POST : method, on == null ? dates.today() : on,
                        currentUser.userId())))
        .orElse(ResponseEntity.notFound().build());
  }

  /**
   * Issues a prepared notice: it was posted or handed over on {@code dispatchedOn}. Completes the
   * notice's "Post or hand over the notice" task as the caller (the engine's authorizations decide
   * who may: the compliance team); 409 when the notice is not waiting to be given.
   */
  @PostMapping("/{noticeNumber}/dispatch")
  ResponseEntity<PenaltyNoticeEntry> dispatch(@PathVariable String noticeNumber, @Valid @RequestBody DispatchRequest body) {
    checkNumber(noticeNumber);
    java.util.Optional<PenaltyNoticeEntry> notice = visible(noticeNumber);
    if (notice.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok(actions.dispatch(noticeNumber, body.deliveryMethod(), body.dispatchedOn()));
  }

  /**
   * Records a payment by correlating {@code PenaltyNoticePaid}, exactly as a payment system
   * would through {@code /engine-rest/message}: a wrong amount is refused with 400.
   */
  @PostMapping("/{noticeNumber}/payments")
  ResponseEntity<PenaltyNoticeEntry> pay(@PathVariable String noticeNumber, @Valid @RequestBody PaymentRequest payment) {
    checkNumber(noticeNumber);
    if (visible(noticeNumber).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!currentUser.readsEverySchool()) {
      // payments reach the local authority, not the school: a school may read, not record
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return ResponseEntity.ok(
        actions.pay(noticeNumber, payment.amountPaid(), payment.paidOn(), payment.paymentMethod(), payment.paymentReference()));
  }

  /** The refund of an overpayment as made: the day (default today), how ({@code card}, …) and its reference. */
  @Checked
  record RefundRequest(LocalDate refundedOn, String refundMethod, String refundReference) implements CheckedBody {
    @Override
    public void check() {
      Inputs.required(PenaltyNoticeActions.REFUND_METHOD,
          Inputs.oneOf(PenaltyNoticeActions.REFUND_METHOD, refundMethod, PenaltyNoticeActions.PAYMENT_METHODS),
          "is required, one of " + String.join(", ", PenaltyNoticeActions.PAYMENT_METHODS));
      Inputs.text(PenaltyNoticeActions.REFUND_REFERENCE, refundReference, PenaltyNoticeActions.MAX_PAYMENT_REFERENCE);
    }
  }

  /**
   * The refund owed on a notice paid with more than the amount due, and once made when, how and who
   * recorded it: 404 when nothing was overpaid.
   */
  @GetMapping("/{noticeNumber}/refund")
  ResponseEntity<PenaltyNoticeRegister.Refund> refund(@PathVariable String noticeNumber) {
    checkNumber(noticeNumber);
    if (visible(noticeNumber).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.of(register.refund(noticeNumber));
  }

  /**
   * Records the refund of an overpayment as made (409 when none is owed): the compliance team and
   * administrators only, as on the register page (403 for officers, managers and schools).
   */
  @PostMapping("/{noticeNumber}/refund")
  ResponseEntity<PenaltyNoticeRegister.Refund> refundMade(@PathVariable String noticeNumber, @Valid @RequestBody RefundRequest body) {
    checkNumber(noticeNumber);
    if (visible(noticeNumber).isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    if (!currentUser.keepsRegister()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return ResponseEntity.ok(actions.recordRefund(noticeNumber, body.refundedOn() == null ? dates.today() : body.refundedOn(),
        body.refundMethod(), body.refundReference()));
  }

  @ExceptionHandler(NoticeActionRefused.class)
  ProblemDetail refused(NoticeActionRefused refused) {
    HttpStatus status = refused.why() == NoticeActionRefused.Why.NOT_YOURS ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
    problem.setTitle(refused.title());
    return problem;
  }

  /** A letter or a dispatch refused while the council's payment details are incomplete: 409, naming each property. */
  @ExceptionHandler(PaymentDetailsMissing.class)
  ProblemDetail paymentDetailsMissing(PaymentDetailsMissing missing) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, missing.getMessage());
    problem.setTitle(PaymentDetailsMissing.TITLE);
    return problem;
  }

  private static void checkNumber(String noticeNumber) {
    if (!CaseFacts.NOTICE_NUMBER_SHAPE.matcher(noticeNumber).matches()) {
      throw new InvalidInputException(PenaltyNotice.NOTICE_NUMBER.name(), "must be a notice number like PN-2026-000123");
    }
  }

  private static int number(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < min || parsed > max) {
        throw new InvalidInputException(name, "must be from " + min + " to " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be a whole number from " + min + " to " + max);
    }
  }
}
