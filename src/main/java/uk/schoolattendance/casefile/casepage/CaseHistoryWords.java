package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.casework.CaseReassignment;
import uk.schoolattendance.process.Json;

/**
 * A case's {@code history} as people read it, newest first: "9:05am on 28 May 2027", what
 * happened in words, who by name, corrections as old → new with the reason, a change of officer as one name → another, the level and stage
 * in words. The case page's timeline and Tasklist's forms ({@link TaskHistoryWords}) show the same.
 */
@Component
public class CaseHistoryWords {

  /** Who the history names when the application acted ({@code casePathway}'s "system"). */
  private static final String SYSTEM = "system";

  private final PeopleNames people;
  private final UkDates dates;
  private final ObjectProvider<CalledSteps> calledSteps;

  @org.springframework.beans.factory.annotation.Autowired
  CaseHistoryWords(PeopleNames people, UkDates dates, ObjectProvider<CalledSteps> calledSteps) {
    this.people = people;
    this.dates = dates;
    this.calledSteps = calledSteps;
  }

  public List<CasePage.TimelineEntry> timeline(Object raw) {
    return stamped(raw).stream().map(CalledSteps.Step::entry).toList();
  }

  /**
   * The timeline of the case a task belongs to, merged as the case page merges it ({@link
   * #merged}): its own history and the steps of the processes it called (a Notice to Improve's
   * period and early escalation with its reason and grounds, penalty notices, court), newest first.
   * What a form's case history shows (walk 13, #16: the Pupil Planning Meeting's history left out why
   * the notice ended early). The register is not read here: a penalty notice's steps are told from
   * its process alone, without the amounts, offence period and posting the case page adds from the
   * register.
   */
  List<CasePage.TimelineEntry> timelineOfTask(Object raw, String taskId) {
    CalledSteps steps = calledSteps.getIfAvailable();
    String caseId = taskId == null || steps == null || !CasePageReader.calledAnything(raw) ? null : steps.caseOf(taskId);
    if (caseId == null) {
      return timeline(raw);
    }
    return merged(raw, steps.of(caseId, List.of()));
  }

  /**
   * The case's own history ({@code raw}) and the steps of the processes it called, newest first:
   * the one merge of the case page's timeline and a form's case history. Stable: entries of one
   * moment keep the history's order.
   */
  List<CasePage.TimelineEntry> merged(Object raw, CalledSteps.Called called) {
    List<CalledSteps.Step> all = new ArrayList<>(stamped(raw, called.caseCourtOutcome()));
    if (called.steps().isEmpty()) {
      return all.stream().map(CalledSteps.Step::entry).toList();
    }
    all.addAll(called.steps());
    return all.stream().sorted(java.util.Comparator.comparing(CalledSteps.Step::at).reversed())
        .map(CalledSteps.Step::entry).toList();
  }

  /** As {@link #timeline(Object)}, each entry with its moment, to merge with the steps of the processes the case called. */
  List<CalledSteps.Step> stamped(Object raw) {
    return stamped(raw, "");
  }

  /**
   * As {@link #stamped(Object)}; the entry the case wrote when its own court proceedings ended says
   * the outcome in full when the page read it from those proceedings ({@code courtOutcome}: the
   * proceedings the case called, never a penalty notice's; else the outcome's code in words), and
   * is the system's: the person whose step ended the proceedings
   * (the school acknowledging the outcome) did not record it.
   */
  List<CalledSteps.Step> stamped(Object raw, String courtOutcome) {
    if (raw == null) {
      return List.of();
    }
    JsonNode history = Json.parse(AttendanceCase.HISTORY.name(), raw);
    Set<String> by = new HashSet<>();
    history.forEach(entry -> {
      by.add(entry.path("by").asText(null));
      if (CaseReassignment.EVENT.equals(entry.path("event").asText())) {
        by.add(entry.path("from").asText(null));
        by.add(entry.path("to").asText(null));
      }
    });
    by.remove(null);
    Map<String, String> names = people.of(by);
    List<JsonNode> entries = new ArrayList<>();
    history.forEach(entries::add);
    List<CalledSteps.Step> timeline = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonNode entry = entries.get(i);
      String who = entry.path("by").asText("");
      Integer level = entry.path("level").isNumber() ? entry.path("level").intValue() : null;
      String on = entry.path(CaseNotes.ON).asText("");
      String event = entry.path("event").asText("");
      // a step the case reached (a task made, the court proceedings started) is not the act of whoever's step led to it
      boolean reached = EventWords.reached(event) || EventWords.calledProcessEnded(event);
      timeline.add(new CalledSteps.Step(instant(entry.path("date").asText("")), new CasePage.TimelineEntry(
          moment(entry.path("date").asText("")),
          reached ? EventWords.reachedTitle(event) : CaseNotes.title(event),
          who.isEmpty() || reached || SYSTEM.equals(who) ? "The system" : names.getOrDefault(who, who),
          AttendanceCase.COURT.equals(event) && !courtOutcome.isEmpty() ? courtOutcome
              : AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_EVENT.equals(event) ? issuedBy(entry, who, names)
              : text(entry, names),
          on.isEmpty() ? "" : dates.day(LocalDate.parse(on)),
          Wording.levelAndStage(level, entry.path("stage").asText(null)))));
    }
    return timeline;
  }

  /**
   * Who issued a Notice to Improve and who recorded it: the local authority issues it (the letter is
   * its, signed for it by the case officer or its attendance team); the person named is whoever's step
   * recorded the decision (walk 13, #23: a school's attendance lead read as the notice's sender).
   */
  private String issuedBy(JsonNode entry, String who, Map<String, String> names) {
    String reason = text(entry, names);
    String recorded = who.isEmpty() || SYSTEM.equals(who) ? "" : " Recorded by " + names.getOrDefault(who, who) + ".";
    return "Issued by the local authority: the letter comes from the council and is signed for it by the case"
        + " officer or the attendance team." + recorded + (reason.isBlank() ? "" : " " + reason);
  }

  /** What an entry says: a correction as old → new, a change of officer as one name → another, with the reason. */
  private String text(JsonNode entry, Map<String, String> names) {
    String event = entry.path("event").asText();
    if (CaseCorrections.EVENT.equals(event)) {
      return CorrectionWords.of(entry, dates);
    }
    if (CaseReassignment.EVENT.equals(event)) {
      String from = entry.path("from").asText("");
      String to = entry.path("to").asText("");
      return (from.isEmpty() ? "No officer" : names.getOrDefault(from, from)) + " → " + names.getOrDefault(to, to)
          + ". Reason: " + entry.path("reason").asText("");
    }
    return EventWords.reason(event, entry.path("reason").asText(""));
  }

  private static Instant instant(String iso) {
    try {
      return Instant.parse(iso);
    } catch (RuntimeException notAnInstant) {
      return Instant.EPOCH;
    }
  }

  private String moment(String iso) {
    try {
      return dates.moment(Instant.parse(iso));
    } catch (RuntimeException notAnInstant) {
      return iso;
    }
  }
}
