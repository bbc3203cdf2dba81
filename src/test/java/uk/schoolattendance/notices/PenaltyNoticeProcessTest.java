package uk.schoolattendance.notices;

import uk.schoolattendance.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Every path of {@code PenaltyNotice}, started directly as the case starts it, with time moved
 * by the engine clock and timers executed by the test. Class coverage must be 100 %.
 */
@Deployment(
    resources = {
      "bpmn/PenaltyNotice.bpmn",
      "bpmn/PenaltyNoticeTerms.dmn",
      "bpmn-test/CourtProceedingsStub.bpmn",
      "forms/check-leave-evidence.form",
      "forms/dispatch-penalty-notice.form",
      "forms/decide-on-non-payment.form",
      "forms/choose-another-route.form"
    })
class PenaltyNoticeProcessTest {

  static final FailAfterIssue FAILING_ISSUE = new FailAfterIssue();
  static final ProcessEngineFixture ENGINE =
      ProcessEngineFixture.builder("penalty-notice-test").coverage().replace("issuePenaltyNotice", FAILING_ISSUE).build();

  static {
    FAILING_ISSUE.issue = new IssuePenaltyNotice(
        ENGINE.register, ENGINE.dates, new uk.schoolattendance.process.NoEvidenceDocuments(), new uk.schoolattendance.process.NoPupilAddresses(),
        new uk.schoolattendance.process.NoOffenceSessions(), ENGINE.properties);
  }

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(ENGINE.configuration).assertClassCoverageAtLeast(1.0).build();

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** Monday 2 November 2026: prepared and posted; deemed received Wednesday 4 November. */
  static final LocalDate ISSUE_DAY = LocalDate.of(2026, 11, 2);

  ProcessEngine engine;

  @BeforeEach
  void today() {
    BpmnAwareTests.init(engine); // other test classes' engines may live in this JVM too
    FAILING_ISSUE.failuresLeft = 0;
    setToday(ISSUE_DAY);
  }

  @Test
  void firstNoticePaidOnDay21AtTheReducedAmount() {
    ProcessInstance notice = start("P-1", "A123456789012", "other");
    assertThat(notice).isWaitingAt("Task_IssuePenaltyNotice");
    execute(job());
    assertThat(notice).isWaitingAt(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id());
    assertThat(task()).hasCandidateGroup("compliance-team");
    PenaltyNoticeEntry prepared = ENGINE.register.get(notice.getBusinessKey());
    assertThat(prepared.status()).isEqualTo("prepared");
    assertThat(prepared.preparedOn()).isEqualTo(ISSUE_DAY);
    // without the register's address the case's own is the child's address on the notice (reg 3)
    assertThat(prepared.pupilAddress()).isEqualTo("3 Elm Row, Southend SS1 2CD");
    assertThat(prepared.issuedOn()).isNull();
    assertThat(prepared.finalDeadline()).isNull();
    assertThat(notice).variables().containsEntry(PenaltyNotice.INFORMATION_DEADLINE.name(), "2027-04-16")
        .containsEntry(PenaltyNotice.INFORMATION_DEADLINE_SHOWN.name(), "16 April 2027")
        .containsEntry(PenaltyNotice.OFFENCE_PERIOD_SHOWN.name(), "7 September 2026 to 16 October 2026");

    dispatch(notice, "post", null);
    assertThat(notice).isWaitingAt("Gateway_AwaitPayment");
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.sequence()).isEqualTo(1);
    assertThat(entry.issuedOn()).isEqualTo(ISSUE_DAY);
    assertThat(entry.deliveryMethod()).isEqualTo("post");
    assertThat(entry.deemedReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 4));
    // the 21 and 28 days begin with the day of receipt (SI 2007/1867 regs 4 and 5 as amended in 2024)
    assertThat(entry.reducedDeadline()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(entry.finalDeadline()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(entry.informationDeadline()).isEqualTo(LocalDate.of(2027, 4, 16));
    assertThat(entry.reducedAmount()).isEqualByComparingTo("80");
    assertThat(entry.fullAmount()).isEqualByComparingTo("160");
    assertThat(entry.status()).isEqualTo("issued");
    // calendar days, stored as days and shown as people read them: no time zone moves them
    assertThat(notice).variables()
        .containsEntry(PenaltyNotice.ISSUED_ON.name(), "2026-11-02")
        .containsEntry(PenaltyNotice.FINAL_DEADLINE.name(), "2026-12-01")
        .containsEntry(PenaltyNotice.FINAL_DEADLINE_SHOWN.name(), "1 December 2026")
        .containsEntry(PenaltyNotice.DEEMED_RECEIVED_ON_SHOWN.name(), "4 November 2026");

    setToday(LocalDate.of(2026, 11, 24));
    pay(notice, 80.0, "2026-11-24");

    assertThat(notice).isEnded().hasPassed("Event_NoticePaid");
    assertThat(notice).variables().containsEntry(PenaltyNotice.NOTICE_OUTCOME.name(), "paid").containsEntry(PenaltyNotice.NOTICE_NUMBER.name(), entry.noticeNumber());
    PenaltyNoticeEntry paid = ENGINE.register.get(entry.noticeNumber());
    assertThat(paid.status()).isEqualTo("paid");
    assertThat(paid.amountPaid()).isEqualByComparingTo("80");
    assertThat(paid.paidOn()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(ENGINE.register.payments(entry.noticeNumber())).hasSize(1);
  }

  /**
   * Half past midnight on Friday 28 May 2027 in London is 23:30 UTC on the 27th (British Summer
   * Time): a notice posted then is issued on 28 May, and a payment taken then, dated today (28 May),
   * is not refused as a payment in the future. Whatever the server's own zone.
   */
  @Test
  void aNoticePostedAndPaidJustAfterMidnightInSummerIsDatedThatDayInLondon() {
    ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2027-05-27T23:30:00Z")));
    assertThat(ENGINE.dates.today()).isEqualTo(LocalDate.of(2027, 5, 28));
    ProcessInstance notice = issued("P-BST", "A123456789012", LocalDate.of(2027, 4, 19), LocalDate.of(2027, 5, 21));
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.preparedOn()).isEqualTo(LocalDate.of(2027, 5, 28));
    assertThat(entry.issuedOn()).isEqualTo(LocalDate.of(2027, 5, 28));
    assertThat(notice).variables().containsEntry(PenaltyNotice.ISSUED_ON.name(), "2027-05-28")
        .containsEntry(PenaltyNotice.ISSUED_ON_SHOWN.name(), "28 May 2027");

    pay(notice, 80.0, "2027-05-28");
    assertThat(notice).isEnded();
    assertThat(ENGINE.register.get(entry.noticeNumber()).paidOn()).isEqualTo(LocalDate.of(2027, 5, 28));
  }

  @Test
  void onDay22TheReducedAmountIsRefusedAndTheFullAmountAccepted() {
    ProcessInstance notice = issued("P-2", "A123456789012");
    setToday(LocalDate.of(2026, 11, 25));

    assertThatThrownBy(() -> pay(notice, 80.0, "2026-11-25"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(PenaltyNotice.AMOUNT_PAID.name())
        .hasMessageContaining("160.00");
    assertThat(notice).isWaitingAt("Gateway_AwaitPayment");
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("issued");
    assertThat(ENGINE.register.payments(notice.getBusinessKey())).isEmpty();

    pay(notice, 160.0, "2026-11-25");
    assertThat(notice).isEnded();
    assertThat(ENGINE.register.get(notice.getBusinessKey()).amountPaid()).isEqualByComparingTo("160");
  }

  @Test
  void aPartPaymentOrAFuturePaymentIsRefusedAndTheNoticeStaysUnpaid() {
    ProcessInstance notice = issued("P-3", "A123456789012");
    assertThatThrownBy(() -> pay(notice, 40.0, "2026-11-02")).hasMessageContaining(PenaltyNotice.AMOUNT_PAID.name());
    assertThatThrownBy(() -> pay(notice, 80.0, "2026-11-20")).hasMessageContaining(PenaltyNotice.PAID_ON.name());
    assertThatThrownBy(() -> pay(notice, null, "2026-11-02")).hasMessageContaining(PenaltyNotice.AMOUNT_PAID.name());
    assertThat(notice).isWaitingAt("Gateway_AwaitPayment");
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("issued");
  }

  @Test
  void withdrawnDuringThePaymentPeriod() {
    ProcessInstance notice = issued("P-4", "A123456789012");
    engine.getRuntimeService()
        .createMessageCorrelation("PenaltyNoticeWithdrawn")
        .processInstanceBusinessKey(notice.getBusinessKey())
        .setVariable(PenaltyNotice.WITHDRAWAL_REASON.name(), "Sent to the wrong address")
        .setVariable(PenaltyNotice.WITHDRAWAL_GROUND.name(), "wrong-recipient")
        .correlate();
    assertThat(notice).isEnded().hasPassed("Event_NoticeWithdrawn");
    assertThat(notice).variables().containsEntry(PenaltyNotice.NOTICE_OUTCOME.name(), "withdrawn");
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.status()).isEqualTo("withdrawn");
    assertThat(entry.withdrawalReason()).isEqualTo("Sent to the wrong address");
    assertThat(entry.withdrawalGround()).isEqualTo("wrong-recipient");
  }

  @Test
  void aWithdrawalWithoutAReasonIsRefused() {
    ProcessInstance notice = issued("P-5", "A123456789012");
    assertThatThrownBy(
            () -> engine.getRuntimeService().createMessageCorrelation("PenaltyNoticeWithdrawn")
                .processInstanceBusinessKey(notice.getBusinessKey()).correlate())
        .hasMessageContaining(PenaltyNotice.WITHDRAWAL_REASON.name());
    assertThat(notice).isWaitingAt("Gateway_AwaitPayment");
  }

  @Test
  void unpaidAfter28DaysTheComplianceTeamProsecutes() {
    ProcessInstance notice = issued("P-6", "A123456789012");
    Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(at(LocalDate.of(2026, 12, 2), 9));

    setToday(LocalDate.of(2026, 12, 3));
    execute(timer);
    assertThat(notice).isWaitingAt(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
    assertThat(task()).hasCandidateGroup("compliance-team");
    assertThat(task().getDueDate()).isEqualTo(at(LocalDate.of(2026, 12, 16), 9)).isBefore(at(LocalDate.of(2027, 4, 16), 0));
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("unpaid");

    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "ignore")))
        .hasMessageContaining(PenaltyNotice.NON_PAYMENT_DECISION.name());
    complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "prosecute"));
    execute(job()); // the court's outcome is written into the register in a job of its own

    assertThat(notice).isEnded().hasPassed("Activity_ProsecuteParent", "Event_CourtOutcomeReached");
    assertThat(notice).variables().containsEntry(PenaltyNotice.NOTICE_OUTCOME.name(), "court-outcome").containsEntry(PenaltyNotice.COURT_OUTCOME.name(), "fine");
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.status()).isEqualTo("prosecuted");
    assertThat(entry.prosecutedOn()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(entry.courtOutcome()).isEqualTo("fine");
  }

  @Test
  void unpaidAfter28DaysTheComplianceTeamWithdraws() {
    ProcessInstance notice = issued("P-7", "A123456789012");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "withdraw")))
        .hasMessageContaining(PenaltyNotice.WITHDRAWAL_REASON.name());
    complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "withdraw", PenaltyNotice.WITHDRAWAL_REASON.name(), "Family moved away"));
    assertThat(notice).isEnded().hasPassed("Event_NoticeWithdrawnAfterPeriod");
    assertThat(notice).variables().containsEntry(PenaltyNotice.NOTICE_OUTCOME.name(), "withdrawn");
    assertThat(ENGINE.register.get(notice.getBusinessKey()).withdrawalGround()).isEqualTo("not-prosecuted");
  }

  @Test
  void aParentWhoseEarlierNoticeForTheOffenceWasWithdrawnIsNotProsecutedOnlyTheNoticeWithdrawn() {
    // the first notice to P-40 for this period was withdrawn for a material error; the corrected one goes unpaid
    withdrawn("PN-2025-000940", "P-40", "A123456789012", LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 16));
    ProcessInstance corrected = issued("P-40", "A123456789012");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    assertThat(corrected).isWaitingAt(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
    // the form says so before the team decides
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.PROSECUTION_BARS_SHOWN.name()))
        .contains("PN-2025-000940 for 5 October 2026 to 16 October 2026").contains("reg 8");

    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "prosecute")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Decision (nonPaymentDecision): no prosecution of Alex Parent for this offence period")
        .hasMessageContaining("penalty notice PN-2025-000940 (5 October 2026 to 16 October 2026)")
        .hasMessageContaining("Regulations 2007 reg 8");
    // nothing changed: the notice is still unpaid and waits for the decision; no court case
    assertThat(corrected).isWaitingAt(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
    assertThat(ENGINE.register.get(corrected.getBusinessKey()).status()).isEqualTo("unpaid");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("CourtProceedings").count()).isZero();

    complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "withdraw",
        PenaltyNotice.WITHDRAWAL_REASON.name(), "The first notice for this offence was withdrawn: no prosecution may follow"));
    assertThat(corrected).isEnded().hasPassed("Event_NoticeWithdrawnAfterPeriod");
  }

  @Test
  void anotherParentAndAnotherPeriodAreStillProsecutedAfterNonPayment() {
    // a withdrawn notice to P-41 does not bar P-42, and one to P-42 for the summer does not bar this autumn's
    withdrawn("PN-2025-000941", "P-41", "A123456789012", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 16));
    withdrawn("PN-2025-000942", "P-42", "A123456789012", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 4));
    ProcessInstance notice = issued("P-42", "A123456789012");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    assertThat(engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.PROSECUTION_BARS_SHOWN.name())).isNull();
    complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "prosecute"));
    assertThat(notice).hasPassed("Task_RecordProsecution");
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("prosecuted");
  }

  @Test
  void anotherRouteIsNotAProsecutionOfAParentWhoseNoticeForThePeriodWasWithdrawn() {
    withdrawn("PN-2025-000943", "P-43", "L903456789012", LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12));
    ProcessInstance notice = start("P-43", "L903456789012", "holiday");
    complete(task(), withVariables(
        PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.name(), true, PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.name(), false,
        PenaltyNotice.EVIDENCE_WRITTEN_WARNING.name(), true, PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.name(), true));
    assertThat(notice).isWaitingAt(PenaltyNotice.CHOOSE_ANOTHER_ROUTE.id());
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.PROSECUTION_BARS_SHOWN.name()))
        .contains("PN-2025-000943 for 12 October 2026 to 12 October 2026");
    // the form does not offer a prosecution the regulation bars (walk 12 #17)
    assertThat(uk.schoolattendance.process.Json.parse(PenaltyNotice.ALTERNATIVE_ROUTE_CHOICES.name(),
        engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.ALTERNATIVE_ROUTE_CHOICES.name())).findValuesAsText("value"))
        .containsExactly("education-supervision-order", "attendance-contract", "early-help");
    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.ALTERNATIVE_ROUTE.name(), "prosecution")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Route (alternativeRoute): no prosecution of")
        .hasMessageContaining("PN-2025-000943");
    assertThat(notice).isWaitingAt(PenaltyNotice.CHOOSE_ANOTHER_ROUTE.id());
    complete(task(), withVariables(PenaltyNotice.ALTERNATIVE_ROUTE.name(), "early-help"));
    assertThat(notice).isEnded();
  }

  @Test
  void prosecutionAfterTheSixMonthLimitIsRefused() {
    ProcessInstance notice = issued("P-8", "A123456789012");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    setToday(LocalDate.of(2027, 4, 17));
    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "prosecute")))
        .hasMessageContaining("time-barred");
    assertThat(notice).isWaitingAt(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
  }

  @Test
  void pastTheSixMonthLimitTheFormNoLongerOffersProsecutionAndSaysWhy() {
    ProcessInstance notice = issued("P-8a", "A123456789012");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    assertThat(decisionChoices()).containsExactly("prosecute", "withdraw");
    assertThat(engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.PROSECUTION_TIME_BARRED_SHOWN.name())).isNull();
    // while the task is open, its timer takes prosecution off the form as the day after the deadline begins
    Job limitPassed = engine.getManagementService().createJobQuery().processInstanceId(notice.getId()).timers().singleResult();
    assertThat(limitPassed.getDuedate()).isEqualTo(Date.from(LocalDate.of(2027, 4, 17).atStartOfDay(LONDON).toInstant()));
    setToday(LocalDate.of(2027, 4, 17));
    execute(limitPassed);
    assertThat(notice).isWaitingAt(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
    assertThat(decisionChoices()).containsExactly("withdraw");
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.PROSECUTION_TIME_BARRED_SHOWN.name()))
        .contains("16 April 2027", "Magistrates' Courts Act 1980 s127");
    // a client that sends it anyway is still refused
    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "prosecute")))
        .hasMessageContaining("time-barred");
    complete(task(), withVariables(PenaltyNotice.NON_PAYMENT_DECISION.name(), "withdraw",
        PenaltyNotice.WITHDRAWAL_REASON.name(), "Not prosecuted within the time limit"));
    assertThat(notice).isEnded();
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("withdrawn");
  }

  /**
   * Review s13 S8: the timer read the process variable while the form read the register. The timer
   * now reads the register, as the form and the completion check do; the old expression still reads
   * a variable stored as a {@code java.util.Date} (instances of earlier versions).
   */
  @Test
  void theTimeLimitTimerReadsTheRegistersDeadlineAsTheFormDoes() {
    ProcessInstance notice = issued("P-8c", "A123456789012");
    engine.getRuntimeService().setVariable(notice.getId(), uk.schoolattendance.process.CaseFacts.INFORMATION_DEADLINE.name(), "2027-01-01");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    Job limitPassed = engine.getManagementService().createJobQuery().processInstanceId(notice.getId()).timers().singleResult();
    assertThat(limitPassed.getDuedate()).isEqualTo(Date.from(LocalDate.of(2027, 4, 17).atStartOfDay(LONDON).toInstant()));
    assertThat(ENGINE.dates.informationLimitPassesAt(Date.from(LocalDate.of(2027, 4, 16).atStartOfDay(LONDON).toInstant())))
        .isEqualTo(Date.from(LocalDate.of(2027, 4, 17).atStartOfDay(LONDON).toInstant()));
  }

  @Test
  void aDecisionThatFallsDueAfterTheSixMonthLimitOffersOnlyWithdrawal() {
    ProcessInstance notice = issued("P-8b", "A123456789012");
    // the payment period's end is noticed only after the limit passed: the task is created without prosecution
    setToday(LocalDate.of(2027, 4, 19));
    execute(job());
    assertThat(notice).isWaitingAt(PenaltyNotice.DECIDE_ON_NON_PAYMENT.id());
    assertThat(decisionChoices()).containsExactly("withdraw");
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.PROSECUTION_TIME_BARRED_SHOWN.name()))
        .startsWith("The last day to lay an information was 16 April 2027");
  }

  /** The decisions "Decide on non-payment" offers now (its radio's values). */
  private java.util.List<String> decisionChoices() {
    return uk.schoolattendance.process.Json.parse(PenaltyNotice.NON_PAYMENT_DECISION_CHOICES.name(),
        engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.NON_PAYMENT_DECISION_CHOICES.name())).findValuesAsText("value");
  }

  @Test
  void withdrawnWhileTheDecisionIsPending() {
    ProcessInstance notice = issued("P-9", "A123456789012");
    setToday(LocalDate.of(2026, 12, 3));
    execute(job());
    assertThatThrownBy(() -> pay(notice, 160.0, "2026-12-01"))
        .hasMessageContaining("PenaltyNoticePaid");
    engine.getRuntimeService()
        .createMessageCorrelation("PenaltyNoticeWithdrawn")
        .processInstanceBusinessKey(notice.getBusinessKey())
        .setVariable(PenaltyNotice.WITHDRAWAL_REASON.name(), "No offence: the absences were authorised")
        .correlate();
    assertThat(notice).isEnded().hasPassed("Event_WithdrawnBeforeDecision", "Event_NoticeWithdrawnAfterPeriod");
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("withdrawn");
  }

  @Test
  void theThirdNoticeInsideThreeYearsGoesToAnotherRoute() {
    String upn = "C901456789012";
    payInFull(issued("P-10", upn));
    setToday(LocalDate.of(2027, 3, 1));
    payInFull(issued("P-10", upn, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 12)));

    setToday(LocalDate.of(2027, 6, 1));
    ProcessInstance third = start("P-10", upn, "other", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 14));
    assertThat(third).isWaitingAt(PenaltyNotice.CHOOSE_ANOTHER_ROUTE.id());
    assertThat(third).variables().containsEntry(PenaltyNotice.REFUSAL_REASON.name(), "limit-reached").containsEntry(PenaltyNotice.PRIOR_NOTICES.name(), 2);
    // choosing prosecution, a supervision order or early help is the officer's and senior practitioner's decision
    assertThat(task()).hasCandidateGroup("senior-practitioners").hasCandidateUser("officer");
    assertThat(engine.getTaskService().getIdentityLinksForTask(task().getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).doesNotContain("compliance-team");
    // the form shows why in words, not the decision's code
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.REFUSAL_REASON_SHOWN.name()))
        .doesNotContain("limit-reached");
    // the count and the sentence agree, and name the notices that reach the limit (walk 12 #16, #17)
    java.util.List<String> prior = ENGINE.register.standingNumbers("P-10", null, upn, LocalDate.of(2024, 6, 1), LocalDate.of(2027, 6, 1));
    assertThat(prior).hasSize(2);
    assertThat((String) engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.REFUSAL_REASON_SHOWN.name()))
        .contains("already has 2 penalty notices for ", " in the last 3 years (" + String.join(", ", prior) + "): the limit is 2");
    assertThat((String) engine.getRuntimeService().getVariable(third.getId(), PenaltyNotice.NOTICE_REFUSED_SHOWN.name()))
        .contains("(" + String.join(", ", prior) + ")");
    // nothing bars a prosecution here: every route is offered
    assertThat(uk.schoolattendance.process.Json.parse(PenaltyNotice.ALTERNATIVE_ROUTE_CHOICES.name(),
        engine.getTaskService().getVariableLocal(task().getId(), PenaltyNotice.ALTERNATIVE_ROUTE_CHOICES.name())).findValuesAsText("value"))
        .containsExactlyElementsOf(PenaltyNotice.ALTERNATIVE_ROUTES);
    assertThat(ENGINE.registerRows(third.getBusinessKey())).isZero();

    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.ALTERNATIVE_ROUTE.name(), "another-notice")))
        .hasMessageContaining(PenaltyNotice.ALTERNATIVE_ROUTE.name());
    complete(task(), withVariables(PenaltyNotice.ALTERNATIVE_ROUTE.name(), "early-help"));
    assertThat(third).isEnded().hasPassed("Event_AnotherRouteChosen");
    assertThat(third).variables().containsEntry(PenaltyNotice.NOTICE_OUTCOME.name(), "another-route");
  }

  @Test
  void whenTheLimitIsReachedTheTeamMayApplyForAnEducationSupervisionOrder() {
    String upn = "G902456789012";
    payInFull(issued("P-11", upn));
    payInFull(issued("P-11", upn, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 10)));
    ProcessInstance third = start("P-11", upn, "late", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 24));
    complete(task(), withVariables(PenaltyNotice.ALTERNATIVE_ROUTE.name(), "education-supervision-order"));
    assertThat(third).isEnded().hasPassed("Activity_TakeToCourt", "Event_AnotherCourtOutcomeReached");
    assertThat(third).variables()
        .containsEntry(PenaltyNotice.NOTICE_OUTCOME.name(), "court-outcome")
        .containsEntry(PenaltyNotice.COURT_OUTCOME.name(), "education-supervision-order");
  }

  @Test
  void termTimeLeaveWithCompleteEvidenceIsIssuedAndTheEvidenceRecorded() {
    ProcessInstance notice = start("P-12", "L903456789012", "holiday");
    assertThat(notice).isWaitingAt(PenaltyNotice.CHECK_LEAVE_EVIDENCE.id());
    assertThat(task()).hasCandidateGroup("compliance-team");
    assertThatThrownBy(() -> complete(task(), withVariables(PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.name(), true)))
        .hasMessageContaining(PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.name());
    complete(task(), evidence(true));
    execute(job());
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.noticeReason()).isEqualTo("holiday");
    assertThat(entry.evidence().complete()).isTrue();
  }

  @Test
  void termTimeLeaveWithIncompleteEvidenceGoesToAnotherRoute() {
    // a request was made but the school's written refusal is missing: it was not refused
    ProcessInstance notice = start("P-13", "L903456789012", "holiday");
    complete(task(), withVariables(
        PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.name(), true, PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.name(), false,
        PenaltyNotice.EVIDENCE_WRITTEN_WARNING.name(), true, PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.name(), true));
    assertThat(notice).isWaitingAt(PenaltyNotice.CHOOSE_ANOTHER_ROUTE.id());
    assertThat(notice).variables().containsEntry(PenaltyNotice.EVIDENCE_COMPLETE.name(), false);
    assertThat((String) engine.getTaskService().getVariableLocal(task(notice).getId(), PenaltyNotice.REFUSAL_REASON_SHOWN.name()))
        .startsWith("The school's term-time leave evidence is incomplete");
    // no certificate of the register: the national default demands it
    ProcessInstance noCertificate = start("P-14", "L903456789012", "holiday");
    complete(task(noCertificate), withVariables(
        PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.name(), false, PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.name(), false,
        PenaltyNotice.EVIDENCE_WRITTEN_WARNING.name(), true, PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.name(), false));
    assertThat(noCertificate).isWaitingAt(PenaltyNotice.CHOOSE_ANOTHER_ROUTE.id());
  }

  @Test
  void aHolidayTakenWithoutAskingReachesANotice() {
    // recorded by the school as unauthorised holiday (G) without any request: no application, no refusal
    ProcessInstance notice = start("P-15", "L903456789012", "holiday");
    complete(task(), withVariables(
        PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.name(), false, PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.name(), false,
        PenaltyNotice.EVIDENCE_WRITTEN_WARNING.name(), false, PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.name(), true));
    assertThat(notice).variables().containsEntry(PenaltyNotice.EVIDENCE_COMPLETE.name(), true);
    execute(job());
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("prepared");
  }

  @Test
  void aNoticeHandedOverIsReceivedThatDayAndNamesTheOfficerWhoIssuedIt() {
    ProcessInstance notice = start("P-21", "A123456789012", "other");
    execute(job());
    setToday(LocalDate.of(2026, 11, 6));
    engine.getIdentityService().saveUser(user("dana", "Dana", "Officer"));
    try {
      // an unclaimed completion is refused: the notice must name the officer who issues it
      assertThatThrownBy(() -> complete(task(notice), withVariables(PenaltyNotice.DELIVERY_METHOD.name(), "hand")))
          .hasMessageContaining("claim the task first");
      engine.getTaskService().claim(task(notice).getId(), "dana");
      dispatch(notice, "hand", null);
    } finally {
      engine.getIdentityService().deleteUser("dana");
    }
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.deliveryMethod()).isEqualTo("hand");
    assertThat(entry.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 6));
    assertThat(entry.deemedReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 6));
    assertThat(entry.reducedDeadline()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(entry.finalDeadline()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(entry.issuingOfficerName()).isEqualTo("Dana Officer");
    assertThat(engine.getManagementService().createJobQuery().timers().processInstanceId(notice.getId()).singleResult()
        .getDuedate()).isEqualTo(at(LocalDate.of(2026, 12, 4), 9));
  }

  @Test
  void aNoticePostedBeforeChristmasIsReceivedAfterTheBankHolidays() {
    setToday(LocalDate.of(2026, 12, 21));
    ProcessInstance notice = start("P-22", "A123456789012", "other");
    execute(job());
    setToday(LocalDate.of(2026, 12, 24));
    dispatch(notice, "post", "2026-12-24");
    // Friday 25 and Monday 28 December 2026 are bank holidays: Tuesday 29 is the first working day after posting
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.deemedReceivedOn()).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(entry.reducedDeadline()).isEqualTo(LocalDate.of(2027, 1, 19));
    assertThat(entry.finalDeadline()).isEqualTo(LocalDate.of(2027, 1, 26));
    setToday(LocalDate.of(2027, 1, 20));
    assertThatThrownBy(() -> pay(notice, 80.0, "2027-01-20")).hasMessageContaining("160.00");
    assertThatThrownBy(() -> pay(notice, 160.0, "2026-12-23")).hasMessageContaining(PenaltyNotice.PAID_ON.name());
    pay(notice, 80.0, "2027-01-19");
    assertThat(notice).isEnded();
  }

  @Test
  void aNoticeIsIssuedOnceOnTheDayItIsGivenNeverAheadOfIt() {
    ProcessInstance notice = start("P-23", "A123456789012", "other");
    execute(job());
    assertThatThrownBy(() -> dispatch(notice, "post", "2026-11-03")).hasMessageContaining(PenaltyNotice.DISPATCHED_ON.name());
    assertThatThrownBy(() -> dispatch(notice, "post", "2026-11-01")).hasMessageContaining("prepared (2 November 2026)");
    assertThatThrownBy(() -> dispatch(notice, "email", null)).hasMessageContaining(PenaltyNotice.DELIVERY_METHOD.name());
    assertThatThrownBy(() -> complete(task(notice), withVariables(PenaltyNotice.DISPATCHED_ON.name(), "2026-11-02")))
        .hasMessageContaining(PenaltyNotice.DELIVERY_METHOD.name());
    // not yet given: nothing to pay
    assertThatThrownBy(() -> pay(notice, 80.0, "2026-11-02")).hasMessageContaining("PenaltyNoticePaid");
    assertThat(notice).isWaitingAt(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id());
    assertThat(ENGINE.register.get(notice.getBusinessKey()).status()).isEqualTo("prepared");
    dispatch(notice, "post", "2026-11-02");
    assertThatThrownBy(() -> ENGINE.register.recordDispatch(notice.getBusinessKey(), "hand", ISSUE_DAY, ISSUE_DAY,
        ISSUE_DAY, ISSUE_DAY, null, null)).hasMessageContaining("is issued");
  }

  @Test
  void aPreparedNoticeWithdrawnBeforeItIsGivenIsNeverIssued() {
    ProcessInstance notice = start("P-24", "A123456789012", "other");
    execute(job());
    engine.getRuntimeService()
        .createMessageCorrelation("PenaltyNoticeWithdrawn")
        .processInstanceBusinessKey(notice.getBusinessKey())
        .setVariable(PenaltyNotice.WITHDRAWAL_REASON.name(), "Address found to be wrong when printing")
        .setVariable(PenaltyNotice.WITHDRAWAL_GROUND.name(), "wrong-recipient")
        .correlate();
    assertThat(notice).isEnded().hasPassed("Event_WithdrawnBeforeIssue", "Event_NoticeWithdrawnAfterPeriod");
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    assertThat(entry.status()).isEqualTo("withdrawn");
    assertThat(entry.issuedOn()).isNull();
    // a withdrawn notice no longer counts towards the limit
    assertThat(ENGINE.register.countStanding("P-24", "A123456789012", ISSUE_DAY.minusYears(3), ISSUE_DAY)).isZero();
  }

  private org.camunda.bpm.engine.identity.User user(String id, String first, String last) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setPassword("Officer-Password-2026!");
    return user;
  }

  @Test
  void theIssueStepRunTwiceWritesOneRegisterEntry() {
    ProcessInstance notice = issued("P-14", "Q904456789012");
    PenaltyNoticeEntry first = ENGINE.register.get(notice.getBusinessKey());
    // the job runs again, e.g. on a second node after the lock expired
    engine.getRuntimeService().createProcessInstanceModification(notice.getId())
        .startBeforeActivity("Task_IssuePenaltyNotice").execute();
    setToday(ISSUE_DAY.plusDays(1));
    execute(engine.getManagementService().createJobQuery().activityId("Task_IssuePenaltyNotice").singleResult());
    assertThat(ENGINE.registerRows(notice.getBusinessKey())).isEqualTo(1);
    assertThat(ENGINE.register.get(notice.getBusinessKey())).isEqualTo(first);
    assertThat(ENGINE.letter.render(first)).isNotEmpty();
  }

  @Test
  void aFailureAfterWritingRollsBackAndTheRetryWritesOnce() {
    FAILING_ISSUE.failuresLeft = 1;
    ProcessInstance notice = start("P-15", "Q904456789012", "other");
    Job issue = job();
    assertThatThrownBy(() -> execute(issue)).hasMessageContaining("after writing");
    assertThat(ENGINE.registerRows(notice.getBusinessKey())).isZero();
    Job failed = engine.getManagementService().createJobQuery().jobId(issue.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("after writing");

    execute(failed);
    assertThat(ENGINE.registerRows(notice.getBusinessKey())).isEqualTo(1);
    assertThat(notice).isWaitingAt(PenaltyNotice.DISPATCH_PENALTY_NOTICE.id());
  }

  @Test
  void repeatedFailuresEndAsAnIncident() {
    FAILING_ISSUE.failuresLeft = 3;
    ProcessInstance notice = start("P-16", "Q904456789012", "other");
    for (int attempt = 0; attempt < 3; attempt++) {
      Job issue = job();
      assertThatThrownBy(() -> execute(issue)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(notice.getId()).count()).isEqualTo(1);
    assertThat(ENGINE.registerRows(notice.getBusinessKey())).isZero();
  }

  @Test
  void twoParentsAndTwoChildrenMakeFourNotices() {
    for (String parent : new String[] {"P-17a", "P-17b"}) {
      for (String upn : new String[] {"V905456789012", "Z906456789012"}) {
        issued(parent, upn);
      }
    }
    assertThat(ENGINE.register.count(RegisterQuery.ofFilters(null, null, "P-17a", null, 0, 10, null))).isEqualTo(2);
    assertThat(ENGINE.register.count(RegisterQuery.ofFilters(null, null, "P-17b", null, 0, 10, null))).isEqualTo(2);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PenaltyNotice.KEY).count())
        .isEqualTo(4);
  }

  @Test
  void aStartWithABadInputIsRefusedAndCreatesNothing() {
    Map<String, Object> variables = NoticeInputs.inputs("P-18", "D907456789012", "other");
    variables.remove(PenaltyNotice.PARENT_ID.name());
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, variables))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(PenaltyNotice.PARENT_ID.name());
    Map<String, Object> future = NoticeInputs.inputs("P-18", "D907456789012", "other");
    future.put(PenaltyNotice.OFFENCE_TO.name(), "2026-12-01");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, future))
        .hasMessageContaining(PenaltyNotice.OFFENCE_TO.name());
    Map<String, Object> reason = NoticeInputs.inputs("P-18", "D907456789012", "truancy");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, reason))
        .hasMessageContaining(PenaltyNotice.NOTICE_REASON.name());
    assertThatThrownBy(
            () -> engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, "CASE-1", NoticeInputs.inputs("P-18", "D907456789012", "other")))
        .hasMessageContaining("businessKey");
    // the child's address is printed on the notice (SI 2007/1867 reg 3): no register address and none from the case
    Map<String, Object> noAddress = NoticeInputs.inputs("P-18", "D907456789012", "other");
    noAddress.remove(PenaltyNotice.PUPIL_ADDRESS.name());
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, noAddress))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(PenaltyNotice.PUPIL_ADDRESS.name())
        .hasMessageContaining("reg 3");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aNoticeWithoutMarksStatesThePrintoutCountItsCallerPassesIn() {
    // started as any caller starts it, with the inputs it declares: no case above it to read from
    Map<String, Object> variables = NoticeInputs.inputs("P-61", "A123456789012", "other");
    variables.put(PenaltyNotice.OFFENCE_FROM.name(), "2026-09-07");
    variables.put(PenaltyNotice.OFFENCE_TO.name(), "2026-10-16");
    variables.put(PenaltyNotice.THRESHOLD_EVIDENCE_CONFIRMED.name(), true);
    variables.put(PenaltyNotice.THRESHOLD_EVIDENCE_SESSIONS.name(), 14);
    ProcessInstance notice = engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, ENGINE.numbers.next(), variables);
    assertThat(notice).isStarted();
    execute(job());
    PenaltyNoticeEntry prepared = ENGINE.register.get(notice.getBusinessKey());
    assertThat(prepared.unauthorisedSessions()).isEqualTo(14);
    assertThat(prepared.sessionsSource()).isEqualTo(PenaltyNoticeEntry.SESSIONS_FROM_PRINTOUT);

    // a count the officer did not confirm is not stated
    variables.put(PenaltyNotice.THRESHOLD_EVIDENCE_CONFIRMED.name(), false);
    variables.put(PenaltyNotice.PARENT_ID.name(), "P-62");
    ProcessInstance unconfirmed = engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, ENGINE.numbers.next(), variables);
    assertThat(unconfirmed).isStarted();
    execute(job());
    assertThat(ENGINE.register.get(unconfirmed.getBusinessKey()).unauthorisedSessions()).isNull();
  }

  @Test
  void aNoticePreparedWithoutTheChildsAddressIsNeverIssued() {
    // prepared before the address was required: the register refuses to issue it, naming pupilAddress
    PenaltyNoticeEntry prepared = ENGINE.register.insertIfAbsent(NoticeBuilder.notice().number("PN-2026-880001")
        .processInstance("pi-no-address").pupil("D907456789012").parent("P-19").pupilAddress(null).prepared());
    assertThatThrownBy(() -> ENGINE.register.recordDispatch(prepared.noticeNumber(), PenaltyNotice.POST, ISSUE_DAY,
            ISSUE_DAY.plusDays(2), ISSUE_DAY.plusDays(22), ISSUE_DAY.plusDays(29), "compliance", "Casey Compliance"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(PenaltyNotice.PUPIL_ADDRESS.name());
    assertThat(ENGINE.register.get(prepared.noticeNumber()).status()).isEqualTo(PenaltyNoticeEntry.PREPARED);
  }

  // --- helpers

  private ProcessInstance start(String parent, String upn, String reason) {
    return start(parent, upn, reason, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 16));
  }

  private ProcessInstance start(String parent, String upn, String reason, LocalDate from, LocalDate to) {
    Map<String, Object> variables = NoticeInputs.inputs(parent, upn, reason);
    variables.put(PenaltyNotice.OFFENCE_FROM.name(), from.toString());
    variables.put(PenaltyNotice.OFFENCE_TO.name(), Date.from(to.atStartOfDay(LONDON).toInstant()));
    ProcessInstance notice =
        engine.getRuntimeService().startProcessInstanceByKey(PenaltyNotice.KEY, ENGINE.numbers.next(), variables);
    assertThat(notice).isStarted(); // job() and task() now mean this instance's
    return notice;
  }

  /** A notice to this parent for this child and period, issued, then withdrawn (for a material error) before the test's own. */
  private static void withdrawn(String number, String parent, String upn, LocalDate from, LocalDate to) {
    NoticeBuilder.notice().number(number).parent(parent).pupil(upn).offence(from, to).issuedOn(to.plusDays(3))
        .issue(ENGINE.register, ENGINE.dates);
    ENGINE.register.recordWithdrawal(number, "The notice named the wrong school", PenaltyNotice.MATERIAL_ERROR, to.plusDays(5));
  }

  private ProcessInstance issued(String parent, String upn) {
    ProcessInstance notice = start(parent, upn, "other");
    execute(job());
    dispatch(notice, "post", null);
    assertThat(notice).isWaitingAt("Gateway_AwaitPayment");
    return notice;
  }

  private ProcessInstance issued(String parent, String upn, LocalDate from, LocalDate to) {
    ProcessInstance notice = start(parent, upn, "other", from, to);
    execute(job());
    dispatch(notice, "post", null);
    return notice;
  }

  /** Completes "Post or hand over the notice" as the compliance team does. */
  private void dispatch(ProcessInstance notice, String method, String on) {
    Map<String, Object> given = new HashMap<>();
    given.put(PenaltyNotice.DELIVERY_METHOD.name(), method);
    if (on != null) {
      given.put(PenaltyNotice.DISPATCHED_ON.name(), on);
    }
    org.camunda.bpm.engine.task.Task dispatch = task(notice);
    if (dispatch.getAssignee() == null) {
      ENGINE.configuration.getTaskService().claim(dispatch.getId(), "compliance");
    }
    complete(dispatch, given);
  }

  private void payInFull(ProcessInstance notice) {
    PenaltyNoticeEntry entry = ENGINE.register.get(notice.getBusinessKey());
    LocalDate today = ENGINE.dates.today();
    pay(notice, entry.amountDueOn(today).doubleValue(), today.toString());
    assertThat(notice).isEnded();
  }

  private void pay(ProcessInstance notice, Double amount, String paidOn) {
    engine.getRuntimeService()
        .createMessageCorrelation("PenaltyNoticePaid")
        .processInstanceBusinessKey(notice.getBusinessKey())
        .setVariable(PenaltyNotice.AMOUNT_PAID.name(), amount)
        .setVariable(PenaltyNotice.PAID_ON.name(), paidOn)
        .correlate();
  }

  private static Map<String, Object> evidence(boolean writtenWarning) {
    return withVariables(
        PenaltyNotice.EVIDENCE_LEAVE_APPLICATION.name(), true,
        PenaltyNotice.EVIDENCE_WRITTEN_REFUSAL.name(), true,
        PenaltyNotice.EVIDENCE_WRITTEN_WARNING.name(), writtenWarning,
        PenaltyNotice.EVIDENCE_REGISTRATION_CERTIFICATE.name(), true);
  }

  static void setToday(LocalDate day) {
    ClockUtil.setCurrentTime(at(day, 10));
  }

  static Date at(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atZone(LONDON).toInstant());
  }

  /** The real issue step, made to fail after it has written the register entry. */
  static final class FailAfterIssue implements JavaDelegate {
    JavaDelegate issue;
    volatile int failuresLeft;

    @Override
    public void execute(DelegateExecution execution) throws Exception {
      issue.execute(execution);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("printing service down after writing the register entry");
      }
    }
  }

  static BigDecimal pounds(String value) {
    return new BigDecimal(value);
  }
}
