package uk.schoolattendance.notices;

import uk.schoolattendance.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The legal rules of {@code PenaltyNoticeTerms} at their edges, against a real register. */
class PenaltyNoticeTermsTest {

  static ProcessEngineFixture notices;
  static ProcessEngineFixture capped;
  static ProcessEngine engine;
  static ProcessEngine cappedEngine;
  static int serial;

  @BeforeAll
  static void engines() {
    notices = ProcessEngineFixture.builder("terms-test").build();
    engine = deployTerms(notices);
    capped = ProcessEngineFixture.builder("capped-terms-test")
        .penaltyNotices(ProcessEngineFixture.councilNotices().withLocalYearlyCapPerChild(1)).build();
    cappedEngine = deployTerms(capped);
  }

  private static ProcessEngine deployTerms(ProcessEngineFixture setup) {
    ProcessEngine built = setup.configuration.buildProcessEngine();
    built.getRepositoryService().createDeployment().addClasspathResource("bpmn/PenaltyNoticeTerms.dmn").deploy();
    return built;
  }

  @AfterAll
  static void close() {
    engine.close();
    cappedEngine.close();
  }

  @Test
  void firstNoticeIs80Within21DaysAnd160Within28() {
    NoticeTerms terms = decide(notices, engine, "T1", "H900111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2));
    assertThat(terms.allowed()).isTrue();
    assertThat(terms.sequence()).isEqualTo(1);
    assertThat(terms.rateScheme()).isEqualTo("2024");
    assertThat(terms.reducedAmount()).isEqualByComparingTo("80");
    assertThat(terms.fullAmount()).isEqualByComparingTo("160");
  }

  @Test
  void secondNoticeIs160WithNoReduction() {
    issue(notices, "T2", "H900111111111", LocalDate.of(2025, 1, 10), "paid");
    NoticeTerms terms = decide(notices, engine, "T2", "H900111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2));
    assertThat(terms.sequence()).isEqualTo(2);
    assertThat(terms.reducedAmount()).isNull();
    assertThat(terms.fullAmount()).isEqualByComparingTo("160");
  }

  @Test
  void aThirdNoticeInsideThreeYearsIsRefusedAndOneDayOutsideAllowed() {
    issue(notices, "T3", "H900111111111", LocalDate.of(2023, 11, 23), "paid");
    issue(notices, "T3", "H900111111111", LocalDate.of(2025, 6, 2), "prosecuted");
    NoticeTerms inside = decide(notices, engine, "T3", "H900111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 22));
    assertThat(inside.allowed()).isFalse();
    assertThat(inside.refusalReason()).isEqualTo("limit-reached");
    assertThat(inside.priorNotices()).isEqualTo(2);

    // the first notice was issued exactly 3 years before 23 November 2026: outside the period
    NoticeTerms outside = decide(notices, engine, "T3", "H900111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 23));
    assertThat(outside.allowed()).isTrue();
    assertThat(outside.priorNotices()).isEqualTo(1);
    assertThat(outside.sequence()).isEqualTo(2);
    assertThat(outside.reducedAmount()).isNull();
  }

  @Test
  void withdrawnNoticesAreNotCounted() {
    issue(notices, "T4", "H900111111111", LocalDate.of(2025, 1, 10), "paid");
    issue(notices, "T4", "H900111111111", LocalDate.of(2025, 6, 2), "withdrawn");
    NoticeTerms terms = decide(notices, engine, "T4", "H900111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2));
    assertThat(terms.allowed()).isTrue();
    assertThat(terms.priorNotices()).isEqualTo(1);
  }

  @Test
  void notices_toAnotherParentOrForAnotherChild_doNotCount() {
    issue(notices, "T5-other-parent", "M901111111111", LocalDate.of(2025, 1, 10), "paid");
    issue(notices, "T5", "R902111111111", LocalDate.of(2025, 1, 10), "paid");
    NoticeTerms terms = decide(notices, engine, "T5", "M901111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2));
    assertThat(terms.sequence()).isEqualTo(1);
  }

  @Test
  void offencesBeforeThe19August2024TakeTheOldRates() {
    NoticeTerms before = decide(notices, engine, "T6", "W903111111111", LocalDate.of(2024, 8, 18), LocalDate.of(2024, 10, 1));
    assertThat(before.rateScheme()).isEqualTo("pre-2024");
    assertThat(before.reducedAmount()).isEqualByComparingTo("60");
    assertThat(before.fullAmount()).isEqualByComparingTo("120");
    NoticeTerms from = decide(notices, engine, "T6", "W903111111111", LocalDate.of(2024, 8, 19), LocalDate.of(2024, 10, 1));
    assertThat(from.rateScheme()).isEqualTo("2024");
    assertThat(from.reducedAmount()).isEqualByComparingTo("80");

    issue(notices, "T6b", "W903111111111", LocalDate.of(2024, 3, 1), "paid");
    NoticeTerms secondOld = decide(notices, engine, "T6b", "W903111111111", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 8, 1));
    assertThat(secondOld.sequence()).isEqualTo(2);
    assertThat(secondOld.reducedAmount()).isEqualByComparingTo("60");
    assertThat(secondOld.fullAmount()).isEqualByComparingTo("120");
  }

  @Test
  void aLocalYearlyCapPerChildCountsOccasionsNotParents() {
    // two parents, one occasion: the cap of one notice per child per year is reached
    issue(capped, "T7a", "A904111111111", LocalDate.of(2026, 3, 2), "paid");
    issue(capped, "T7b", "A904111111111", LocalDate.of(2026, 3, 2), "paid");
    NoticeTerms terms = decide(capped, cappedEngine, "T7c", "A904111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2));
    assertThat(terms.allowed()).isFalse();
    assertThat(terms.refusalReason()).isEqualTo("local-cap-reached");
    NoticeTerms nextYear = decide(capped, cappedEngine, "T7c", "A904111111111", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 2));
    assertThat(nextYear.allowed()).isTrue();
    // without a cap the same history allows a notice
    assertThat(decide(notices, engine, "T7c", "A904111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2)).allowed()).isTrue();
  }

  @Test
  void aNoticeAlreadyIssuedTakesItsPlacesRatesFromTheDecisionAndBeyondTheLimitStillHasAPlace() {
    NoticeTerms first = notices.terms.termsOfIssued(engine.getDecisionService(), 0, LocalDate.of(2026, 9, 7));
    assertThat(first.allowed()).isTrue();
    assertThat(first.sequence()).isEqualTo(1);
    assertThat(first.reducedAmount()).isEqualByComparingTo("80");
    NoticeTerms oldSecond = notices.terms.termsOfIssued(engine.getDecisionService(), 1, LocalDate.of(2024, 6, 3));
    assertThat(oldSecond.rateScheme()).isEqualTo("pre-2024");
    assertThat(oldSecond.reducedAmount()).isEqualByComparingTo("60");
    NoticeTerms third = notices.terms.termsOfIssued(engine.getDecisionService(), 2, LocalDate.of(2026, 9, 7));
    assertThat(third.allowed()).isFalse();
    assertThat(third.refusalReason()).isEqualTo("limit-reached");
    assertThat(third.sequence()).isEqualTo(3);
    assertThat(third.reducedAmount()).isNull();
    assertThat(third.fullAmount()).isEqualByComparingTo("160");
  }

  @Test
  void whenAnAnalystEditsTheDecisionNoticesIssuedByOthersAreCheckedAgainstTheSameRule() {
    // the decision edited so that a later notice has the first rate band too (a change in the law)
    ProcessEngineFixture edited = ProcessEngineFixture.builder("edited-terms-test").build();
    ProcessEngine editedEngine = edited.configuration.buildProcessEngine();
    try {
      editedEngine.getRepositoryService().createDeployment()
          .addClasspathResource("bpmn-test/PenaltyNoticeTermsEveryNoticeReduced.dmn").deploy();
      issue(edited, "T8", "B905111111111", LocalDate.of(2025, 1, 10), "paid");
      NoticeTerms proposed = decide(edited, editedEngine, "T8", "B905111111111", LocalDate.of(2026, 9, 7), LocalDate.of(2026, 11, 2));
      NoticeTerms second = edited.terms.termsOfIssued(editedEngine.getDecisionService(), 1, LocalDate.of(2026, 9, 7));
      assertThat(proposed.sequence()).isEqualTo(2);
      assertThat(proposed.reducedAmount()).isEqualByComparingTo("80");
      assertThat(second.reducedAmount()).isEqualByComparingTo("80");
      assertThat(second.fullAmount()).isEqualByComparingTo("160");
    } finally {
      editedEngine.close();
    }
  }

  private static NoticeTerms decide(
      ProcessEngineFixture setup, ProcessEngine on, String parent, String upn, LocalDate offenceFrom, LocalDate proposedOn) {
    DecisionService decisions = on.getDecisionService();
    return setup.terms.decide(decisions, parent, upn, offenceFrom, proposedOn);
  }

  /** A register entry issued on {@code issuedOn} with the given status. */
  static void issue(ProcessEngineFixture setup, String parent, String upn, LocalDate issuedOn, String status) {
    String number = PenaltyNoticeNumbers.format(issuedOn.getYear(), 900000 + ++serial);
    NoticeBuilder.notice().number(number).caseReference("AC-" + upn).pupil(upn).parent(parent)
        .offence(issuedOn.minusWeeks(8), issuedOn.minusWeeks(2)).issuedOn(issuedOn)
        .issue(setup.register, setup.dates);
    switch (status) {
      case "paid" -> setup.register.recordPayment(number, new java.math.BigDecimal("80.00"), issuedOn.plusDays(5));
      case "withdrawn" -> setup.register.recordWithdrawal(number, "Material error", "material-error", issuedOn.plusDays(5));
      case "prosecuted" -> {
        setup.register.markUnpaid(number);
        setup.register.recordProsecution(number, issuedOn.plusDays(40));
      }
      default -> { }
    }
  }
}
