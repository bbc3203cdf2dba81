package uk.schoolattendance.casefile.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.Test;
import uk.schoolattendance.casefile.UkDates;

/**
 * "The hearing on … was adjourned to …" names the hearing date in force when the "Record court
 * outcome" task came. A date set in the same instant as the task (the same command) was in force
 * then: it is the "from" day, not skipped. The new date, set by completing the task itself, is the
 * "to" day even when the clock has not moved between the task's start and end.
 */
class AdjournmentWordsTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aHearingDateSetInTheSameInstantAsTheTaskIsTheAdjournedHearing() {
    UkDates dates = mock(UkDates.class);
    when(dates.zone()).thenReturn(LONDON);
    when(dates.day(any(LocalDate.class)))
        .thenAnswer(call -> call.<LocalDate>getArgument(0).format(DateTimeFormatter.ofPattern("d MMMM yyyy")));
    CalledSteps steps = new CalledSteps(null, null, dates, 10, null);

    Date taskStart = new Date(1_800_000_000_000L);
    Date adjournedAt = new Date(taskStart.getTime() + 60_000);
    HistoricTaskInstance task = mock(HistoricTaskInstance.class);
    when(task.getStartTime()).thenReturn(taskStart);
    when(task.getEndTime()).thenReturn(adjournedAt);
    when(task.getActivityInstanceId()).thenReturn("recordCourtOutcome:2");

    List<HistoricDetail> hearingDates = List.of(update("2027-02-10", taskStart, "prepareCourtCase:1"),
        update("2027-03-17", adjournedAt, "recordCourtOutcome:2"));
    assertThat(steps.adjournment(hearingDates, task))
        .isEqualTo("The hearing on 10 February 2027 was adjourned to 17 March 2027.");
  }

  @Test
  void theNewDateSetByTheTaskItselfIsNeverTheAdjournedHearingEvenInTheSameInstant() {
    UkDates dates = mock(UkDates.class);
    when(dates.zone()).thenReturn(LONDON);
    when(dates.day(any(LocalDate.class)))
        .thenAnswer(call -> call.<LocalDate>getArgument(0).format(DateTimeFormatter.ofPattern("d MMMM yyyy")));
    Date now = new Date(1_800_000_000_000L);
    HistoricTaskInstance task = mock(HistoricTaskInstance.class);
    when(task.getStartTime()).thenReturn(now);
    when(task.getEndTime()).thenReturn(now);
    when(task.getActivityInstanceId()).thenReturn("recordCourtOutcome:2");
    assertThat(new CalledSteps(null, null, dates, 10, null).adjournment(List.of(update("2027-02-10", now, "prepareCourtCase:1"),
        update("2027-03-17", now, "recordCourtOutcome:2")), task))
        .isEqualTo("The hearing on 10 February 2027 was adjourned to 17 March 2027.");
  }

  private static HistoricDetail update(String day, Date at, String setIn) {
    HistoricVariableUpdate update = mock(HistoricVariableUpdate.class);
    when(update.getActivityInstanceId()).thenReturn(setIn);
    when(update.getValue()).thenReturn(day);
    when(update.getTime()).thenReturn(at);
    return update;
  }
}
