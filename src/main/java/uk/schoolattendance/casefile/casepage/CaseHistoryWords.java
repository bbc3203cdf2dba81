package uk.schoolattendance.casefile.casepage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final PeopleNames people;
  private final UkDates dates;

  CaseHistoryWords(PeopleNames people, UkDates dates) {
    this.people = people;
    this.dates = dates;
  }

  public List<CasePage.TimelineEntry> timeline(Object raw) {
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
    List<CasePage.TimelineEntry> timeline = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonNode entry = entries.get(i);
      String who = entry.path("by").asText("");
      Integer level = entry.path("level").isNumber() ? entry.path("level").intValue() : null;
      String on = entry.path(CaseNotes.ON).asText("");
      timeline.add(new CasePage.TimelineEntry(
          moment(entry.path("date").asText("")),
          CaseNotes.title(entry.path("event").asText("")),
          who.isEmpty() ? "The system" : names.getOrDefault(who, who),
          text(entry, names),
          on.isEmpty() ? "" : dates.day(LocalDate.parse(on)),
          Wording.levelAndStage(level, entry.path("stage").asText(null))));
    }
    return timeline;
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

  private String moment(String iso) {
    try {
      return dates.moment(Instant.parse(iso));
    } catch (RuntimeException notAnInstant) {
      return iso;
    }
  }
}
