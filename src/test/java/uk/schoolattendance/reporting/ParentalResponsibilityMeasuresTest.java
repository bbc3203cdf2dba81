package uk.schoolattendance.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.TestClock;
import uk.schoolattendance.court.CourtProceedingsRecord;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.notices.NoticeBuilder;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;
import uk.schoolattendance.process.InvalidInputException;

/** The census figures for a known set of notices, court outcomes and cases, at the year's edges. */
class ParentalResponsibilityMeasuresTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static ProcessEngineFixture records;
  static ProcessEngine engine;
  static ParentalResponsibilityMeasures census;
  static int serial;

  @BeforeAll
  static void knownYear() {
    records = ProcessEngineFixture.builder("census-test").build();
    engine = records.configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("bpmn-test/AttendanceCaseStub.bpmn").deploy();
    census = new ParentalResponsibilityMeasures(
        records.register, records.courtProceedings, engine.getHistoryService(), records.dates, records.calendar);

    // notices: issued in 2026-27 unless said otherwise
    // the day of receipt is day 1 of the 21 (SI 2007/1867 reg 4): receipt + 20 is day 21, receipt + 21 is day 22
    LocalDate paidDay21 = notice("holiday", LocalDate.of(2026, 10, 5));
    records.register.recordPayment(number(), new BigDecimal("80.00"), paidDay21.plusDays(20));
    LocalDate paidDay22 = notice("holiday", LocalDate.of(2026, 10, 5));
    records.register.recordPayment(number(), new BigDecimal("160.00"), paidDay22.plusDays(21));
    notice("late", LocalDate.of(2027, 1, 11));
    records.register.recordWithdrawal(number(), "Wrong address", "wrong-recipient", LocalDate.of(2027, 1, 20));
    notice("other", LocalDate.of(2027, 3, 1));
    records.register.markUnpaid(number());
    records.register.recordProsecution(number(), LocalDate.of(2027, 4, 6));
    notice("other", LocalDate.of(2027, 8, 31));
    LocalDate lastYear = notice("other", LocalDate.of(2026, 8, 31));
    records.register.recordPayment(number(), new BigDecimal("80.00"), lastYear.plusDays(3));
    notice("other", LocalDate.of(2026, 6, 1));
    records.register.markUnpaid(number());
    records.register.recordProsecution(number(), LocalDate.of(2026, 9, 10));

    // notices a head teacher issued, recorded as paid: no day of receipt is recorded for them (2023-24)
    headTeachersNotice(LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 17));
    headTeachersNotice(LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 27));
    headTeachersNotice(LocalDate.of(2023, 10, 2), LocalDate.of(2023, 11, 2)); // day 30: paid, but not within 28 days
    headTeachersNotice(LocalDate.of(2023, 11, 6), null);

    // court outcomes
    outcome("parenting-order", LocalDate.of(2027, 2, 1));
    outcome("education-supervision-order", LocalDate.of(2027, 5, 5));
    outcome("fine", LocalDate.of(2027, 3, 3));
    outcome("parenting-order", LocalDate.of(2026, 8, 20));

    // attendance cases and contracts
    // (a case counts in the year it first reaches the Pupil Planning Meeting, not the year it was opened)
    attendanceCase(LocalDate.of(2026, 8, 30), true, LocalDate.of(2026, 8, 31), true);
    attendanceCase(LocalDate.of(2026, 9, 1), true, LocalDate.of(2026, 10, 10), true);
    attendanceCase(LocalDate.of(2027, 8, 31), false, LocalDate.of(2027, 8, 31), false);
    attendanceCase(LocalDate.of(2026, 9, 15), false, LocalDate.of(2026, 9, 20), false);
    attendanceCase(LocalDate.of(2025, 10, 1), false, LocalDate.of(2026, 10, 1), true);
    TestClock.reset();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theFiguresOfTheYear() {
    CensusFigures figures = census.forYear("2026-27");
    assertThat(figures.from()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(figures.to()).isEqualTo(LocalDate.of(2027, 8, 31));
    assertThat(figures.noticesIssuedHoliday()).isEqualTo(2);
    assertThat(figures.noticesIssuedLate()).isEqualTo(1);
    assertThat(figures.noticesIssuedOther()).isEqualTo(2);
    assertThat(figures.noticesIssued()).isEqualTo(5);
    assertThat(figures.paidWithin21Days()).isEqualTo(1);
    assertThat(figures.paidWithin28Days()).isEqualTo(1);
    assertThat(figures.withdrawn()).isEqualTo(1);
    assertThat(figures.prosecutionsAfterNonPayment()).isEqualTo(2);
    assertThat(figures.casesEnteringCaseManagement()).isEqualTo(2);
    assertThat(figures.attendanceContracts()).isEqualTo(1);
    assertThat(figures.parentingOrders()).isEqualTo(1);
    assertThat(figures.educationSupervisionOrders()).isEqualTo(1);
  }

  @Test
  void thePreviousYearHasItsOwnFigures() {
    CensusFigures figures = census.forYear("2025-26");
    assertThat(figures.noticesIssuedOther()).isEqualTo(2);
    assertThat(figures.paidWithin21Days()).isEqualTo(1);
    assertThat(figures.prosecutionsAfterNonPayment()).isZero();
    assertThat(figures.casesEnteringCaseManagement()).isEqualTo(1);
    assertThat(figures.attendanceContracts()).isEqualTo(1);
    assertThat(figures.parentingOrders()).isEqualTo(1);
  }

  @Test
  void aPaidNoticeSomeoneElseIssuedIsCountedAsPaidAsWellAsIssued() {
    // posted on Monday 2 October it would be received on Wednesday 4th: day 21 is 24 October, day 28 the 31st,
    // so the one paid on 2 November (day 30) is issued and paid, but paid within neither 21 nor 28 days
    CensusFigures figures = census.forYear("2023-24");
    assertThat(figures.noticesIssued()).isEqualTo(4);
    assertThat(figures.paidWithin21Days()).isEqualTo(1);
    assertThat(figures.paidWithin28Days()).isEqualTo(1);
    assertThat(census.noticesCounted("penaltyNoticesPaidWithin21Days", "2023-24")).extracting(PenaltyNoticeEntry::paidOn)
        .containsExactly(LocalDate.of(2023, 10, 17));
    assertThat(census.noticesCounted("penaltyNoticesPaidWithin28Days", "2023-24")).extracting(PenaltyNoticeEntry::paidOn)
        .containsExactly(LocalDate.of(2023, 10, 27));
  }

  @Test
  void anAcademicYearMustBeTwoConsecutiveYears() {
    for (String bad : new String[] {"2026-28", "2026/27", "26-27", "2026-2027", "", "2099-00x"}) {
      assertThatThrownBy(() -> census.forYear(bad)).as(bad)
          .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("academicYear");
    }
    assertThatThrownBy(() -> census.forYear(null)).hasMessageStartingWith("academicYear");
    assertThat(ParentalResponsibilityMeasures.firstDay("2099-00")).isEqualTo(LocalDate.of(2099, 9, 1));
  }

  private static String number() {
    return String.format("PN-%d-%06d", 2020, serial);
  }

  /** A notice posted on the day; returns its deemed receipt (the second working day after). */
  private static LocalDate notice(String reason, LocalDate issuedOn) {
    serial++;
    return NoticeBuilder.notice().number(number()).caseReference("AC-" + serial).parent("P-" + serial).reason(reason)
        .offence(issuedOn.minusWeeks(6), issuedOn.minusWeeks(1)).issuedOn(issuedOn)
        .issue(records.register, records.dates)
        .deemedReceivedOn();
  }

  /** A notice a head teacher issued on {@code issuedOn}, recorded as paid on {@code paidOn} (or unpaid). */
  private static void headTeachersNotice(LocalDate issuedOn, LocalDate paidOn) {
    serial++;
    PenaltyNoticeEntry p = NoticeBuilder.notice().number(number()).caseReference(null).parent("P-" + serial)
        .reason("holiday").offence(issuedOn.minusWeeks(6), issuedOn.minusWeeks(1)).issuedOn(issuedOn).prepared();
    BigDecimal amount = paidOn == null ? null : paidOn.isAfter(issuedOn.plusDays(22)) ? p.fullAmount() : p.reducedAmount();
    records.register.recordExternal(new PenaltyNoticeEntry(
        p.noticeNumber(), null, null, p.pupilUpn(), p.pupilName(), p.schoolUrn(), p.parentId(), p.parentName(),
        p.parentAddress(), p.noticeReason(), p.offenceFrom(), p.offenceTo(), null, 1, p.rateScheme(), issuedOn, null,
        p.reducedAmount(), p.fullAmount(), null, null, records.dates.informationDeadline(p.offenceTo()), paidOn == null ? PenaltyNoticeEntry.UNPAID : PenaltyNoticeEntry.PAID,
        amount, paidOn, null, null, null, null, null, null, issuedOn, null, null, "head-teacher", "A. Head", null, null, null),
        null);
  }

  private static void outcome(String outcome, LocalDate recordedOn) {
    String id = "court-" + ++serial;
    records.courtProceedings.insertIfAbsent(new CourtProceedingsRecord(
        id, "AC-" + serial, null, "A123456789012", "Sam Pupil", "100001", "P-1", "prosecution", null, null,
        null, null, null, null, null, null, null));
    records.courtProceedings.recordOutcome(id, outcome, null, null, null, null, recordedOn);
  }

  /** A case opened on a day, its contract decided on another, and then (formal) at the Pupil Planning Meeting that day. */
  private static void attendanceCase(LocalDate opened, boolean contract, LocalDate agreedOn, boolean formal) {
    ClockUtil.setCurrentTime(at(opened));
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey("AttendanceCase", "AC-C" + ++serial, Map.of("formal", formal));
    ClockUtil.setCurrentTime(at(agreedOn));
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    engine.getTaskService().complete(task, Map.of("contractAgreed", contract));
  }

  private static Date at(LocalDate day) {
    return Date.from(day.atTime(11, 0).atZone(LONDON).toInstant());
  }
}
