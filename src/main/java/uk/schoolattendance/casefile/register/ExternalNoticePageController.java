package uk.schoolattendance.casefile.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import uk.schoolattendance.casefile.DayInput;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.notices.ExternalNoticeRequest;
import uk.schoolattendance.notices.PenaltyNoticeActions;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.persons.Person;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Recording a notice someone else issued ({@code /casework/register/external}): a head teacher,
 * the police or another local authority. It goes into the register through the same service as
 * {@code POST /api/penalty-notices/external}, so it counts towards the limit like the authority's own.
 * The parent is picked from the child's parents on record ({@link Persons#parentsOfChild}) or typed
 * for someone not on the child's cases yet, and then checked as the API checks it.
 */
@Controller
class ExternalNoticePageController {

  static final String PATH = RegisterPageController.PATH + "/external";
  private static final Set<String> DATES = Set.of("offenceFrom", "offenceTo", "issuedOn", "paidOn");
  private static final Map<String, String> PAID_CHOICES = new LinkedHashMap<>();

  static {
    PAID_CHOICES.put("yes", "Yes");
    PAID_CHOICES.put("no", "No");
  }

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("issuedBy", "who issued it"), Map.entry("issuerName", "the issuer's name"),
          Map.entry("issuerReference", "the issuer's reference"), Map.entry("pupilUpn", "the UPN"),
          Map.entry("pupilName", "the child's name"), Map.entry("schoolUrn", "the school"),
          Map.entry("parentId", "the parent's ID"), Map.entry("parentName", "the parent's name"),
          Map.entry("parentAddress", "the address"), Map.entry("noticeReason", "the reason"),
          Map.entry("offenceFrom", "the start of the offence period"), Map.entry("offenceTo", "the end of the offence period"),
          Map.entry("issuedOn", "the date of issue"), Map.entry("fullAmount", "the full amount"),
          Map.entry("reducedAmount", "the reduced amount"), Map.entry("amountPaid", "the amount paid"),
          Map.entry("paidOn", "the date of payment"));

  /** The page: the form's fields as typed, its dates as date inputs, the choices, the errors. */
  record ExternalNoticePage(
      String title, Map<String, String> form, Map<String, DayInput> days, List<FieldError> errors,
      Map<String, String> issuers, Map<String, String> reasons, Map<String, String> paidChoices,
      Map<String, String> parentChoices, boolean parentsLookedUp) {}

  /** The parent choice that keeps the typed details: someone not on any of the child's cases yet. */
  static final String SOMEONE_ELSE = "someone-else";

  private final RegisterKeepers keepers;
  private final PenaltyNoticeActions actions;
  private final UkDates dates;
  private final Persons persons;

  ExternalNoticePageController(RegisterKeepers keepers, PenaltyNoticeActions actions, UkDates dates, Persons persons) {
    this.keepers = keepers;
    this.actions = actions;
    this.dates = dates;
    this.persons = persons;
  }

  /** The form; with {@code pupilUpn} (a link from the child's case) it offers the child's parents at once. */
  @GetMapping(PATH)
  String form(@RequestParam(required = false) String pupilUpn, HttpServletRequest request, Model model) {
    keepers.require(request);
    model.addAttribute("page", page(pupilUpn == null ? Map.of() : Map.of("pupilUpn", pupilUpn), List.of()));
    return "casefile/external-notice";
  }

  /**
   * "Find the child's parents": the form again as typed, now offering the parents on record for the
   * UPN typed (their cases and notices), as the case's own forms offer its parents; nothing is recorded.
   */
  @PostMapping(PATH + "/parents")
  String parents(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
    keepers.require(request);
    List<FieldError> errors = new ArrayList<>();
    required(form.get("pupilUpn"), "pupilUpn", "Enter the child’s UPN to find their parents", errors);
    model.addAttribute("page", page(form, errors));
    return "casefile/external-notice";
  }

  @PostMapping(PATH)
  String record(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response, Model model) {
    keepers.require(request);
    Map<String, DayInput> days = days(form);
    List<FieldError> errors = new ArrayList<>();
    String issuedBy = form.get("issuedBy");
    // ISSUERS is an immutable list: contains(null) throws, so an unchosen radio is checked first.
    if (issuedBy == null || !ExternalNoticeRequest.ISSUERS.contains(issuedBy)) {
      errors.add(new FieldError("issuedBy", "Select who issued the notice"));
    }
    required(form.get("issuerName"), "issuerName", "Enter the name of the school, police force or authority that issued it", errors);
    // in the order the form shows its fields (walk 12 #14): name, then UPN; name, then ID
    required(form.get("pupilName"), "pupilName", "Enter the child’s name", errors);
    required(form.get("pupilUpn"), "pupilUpn", "Enter the child’s UPN", errors);
    required(form.get("schoolUrn"), "schoolUrn", "Enter the URN of the child’s school", errors);
    // a parent picked from the child's parents on record is that person; otherwise the details typed
    Person picked = null;
    String choice = form.get("parentChoice");
    if (choice != null && !choice.isBlank() && !SOMEONE_ELSE.equals(choice)) {
      picked = persons.parentsOfChild(form.get("pupilUpn")).stream()
          .filter(parent -> parent.personId().equals(choice)).findFirst().orElse(null);
      if (picked == null) {
        errors.add(new FieldError("parentChoice", "Select one of the child’s parents, or someone else and type their details"));
      }
    } else {
      required(form.get("parentName"), "parentName", "Enter the parent’s name", errors);
      required(form.get("parentId"), "parentId", "Enter the parent’s ID", errors);
      required(form.get("parentAddress"), "parentAddress", "Enter the parent’s address", errors);
    }
    if (!NoticeWords.REASONS.containsKey(form.get("noticeReason"))) {
      errors.add(new FieldError("noticeReason", "Select the reason for the notice"));
    }
    LocalDate today = dates.today();
    LocalDate from = days.get("offenceFrom").pastOrToday("offenceFrom", "the start of the offence period", today, errors);
    LocalDate to = days.get("offenceTo").pastOrToday("offenceTo", "the end of the offence period", today, errors);
    LocalDate issued = days.get("issuedOn").pastOrToday("issuedOn", "issue", today, errors);
    BigDecimal full = Pounds.read(form.get("fullAmount"), "fullAmount", "the full amount", true, errors);
    BigDecimal reduced = Pounds.read(form.get("reducedAmount"), "reducedAmount", "the reduced amount", false, errors);
    Boolean paid = "yes".equals(form.get("paid")) ? Boolean.TRUE : "no".equals(form.get("paid")) ? Boolean.FALSE : null;
    if (paid == null) {
      errors.add(new FieldError("paid", "Select whether the notice was paid"));
    }
    BigDecimal amountPaid = null;
    LocalDate paidOn = null;
    if (Boolean.TRUE.equals(paid)) {
      amountPaid = Pounds.read(form.get("amountPaid"), "amountPaid", "the amount paid", true, errors);
      paidOn = days.get("paidOn").pastOrToday("paidOn", "the payment", today, errors);
    }
    if (errors.isEmpty()) {
      try {
        PenaltyNoticeEntry recorded = actions.recordExternal(new ExternalNoticeRequest(
            form.get("issuedBy"), form.get("issuerName"), form.get("issuerReference"), form.get("pupilUpn"),
            form.get("pupilName"), form.get("schoolUrn"), picked == null ? form.get("parentId") : picked.personId(),
            picked == null ? form.get("parentName") : picked.name(), picked == null ? form.get("parentAddress") : picked.address(),
            picked == null ? null : picked.dateOfBirth(), form.get("noticeReason"), from, to, issued, full, reduced, paid, amountPaid,
            paidOn));
        return "redirect:" + NoticePageController.href(recorded.noticeNumber()) + "?done=" + NoticePageController.RECORDED;
      } catch (InvalidInputException refused) {
        String field = refused.getField();
        String message = "The notice was not recorded: " + LABELS.getOrDefault(field, field) + " " + refused.getRule();
        errors.add(DATES.contains(field) ? FieldError.ofDate(field, message) : new FieldError(field, message));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("page", page(form, errors));
    return "casefile/external-notice";
  }

  private static void required(String value, String field, String message, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, message));
    }
  }

  private static Map<String, DayInput> days(Map<String, String> form) {
    Map<String, DayInput> days = new HashMap<>();
    for (String field : DATES) {
      days.put(field, new DayInput(form.get(field + "-day"), form.get(field + "-month"), form.get(field + "-year")));
    }
    return days;
  }

  private ExternalNoticePage page(Map<String, String> form, List<FieldError> errors) {
    Map<String, String> issuers = new LinkedHashMap<>();
    ExternalNoticeRequest.ISSUERS.forEach(issuer -> issuers.put(issuer, NoticeWords.issuer(issuer)));
    String upn = form.get("pupilUpn");
    boolean lookedUp = upn != null && !upn.isBlank();
    Map<String, String> parents = new LinkedHashMap<>();
    if (lookedUp) {
      for (Person parent : persons.parentsOfChild(upn)) {
        parents.put(parent.personId(), parent.name() + ", " + parent.address() + " (" + parent.personId() + ")");
      }
      if (!parents.isEmpty()) {
        parents.put(SOMEONE_ELSE, "Someone else, not on the child’s cases yet: type their details below");
      }
    }
    return new ExternalNoticePage(
        "Record a notice someone else issued", form, days(form), errors, issuers, NoticeWords.REASONS, PAID_CHOICES,
        parents, lookedUp);
  }
}
