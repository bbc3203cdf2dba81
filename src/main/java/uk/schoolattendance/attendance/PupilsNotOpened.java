package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolAccess;

/**
 * The identified pupils a school left unticked on a completed "Review identified pupils", with the
 * reason given ({@code pupilsNotOpened}, docs/register.md), read from the engine's history: per review,
 * newest first, each pupil with the figures the review showed, why identified, the reason, who
 * completed the review and when. Whether each pupil still meets the rule today (the register's
 * figures now, asked of the decision {@code AttendanceIdentification} as if nothing had been turned
 * into work yet: by the national rule the threshold met this year, or persistently absent or worse)
 * and has no open case
 * says whether a case can be opened from the page. Read as the application; the page decides whose
 * schools the viewer sees.
 */
@Component
public class PupilsNotOpened {

  /**
   * A pupil left unticked: the school, the pupil, the figures and why identified as the review showed
   * them (older reviews kept fewer figures: null), the reason, who completed the review (null when not
   * recorded) and when; {@code stillIdentified} whether the figures today still meet the rule, {@code
   * openCase} whether the pupil has an open case now.
   */
  public record NotOpened(String schoolUrn, String upn, String name, Double attendancePercent, String bandShown,
      Integer unauthorisedSessions, String why, String reason, String by, Instant at, boolean stillIdentified,
      boolean openCase, boolean onAnotherRoll, List<String> onRollNow) {

    /**
     * @param onAnotherRoll no case opened because the pupil was on another school's roll when the review
     *     was completed: ticked ({@code casesOpened[].onAnotherRoll}), or not offered by the form and left
     *     unticked ({@code pupilsNotOpened[].onAnotherRoll})
     * @param onRollNow for such a pupil, the schools whose roll the register holds them on today (for
     *     the authority's eyes only: the page shows no school another school's pupils); empty otherwise
     */
    public NotOpened {
      onRollNow = List.copyOf(onRollNow);
    }
  }

  /**
   * The reason shown for a pupil ticked but not opened because they were on another school's roll:
   * the words a school reads, naming no other school.
   */
  public static final String ON_ANOTHER_ROLL_REASON = "Ticked to open a case, but none was opened: when the review was"
      + " completed the register had the pupil on another school's roll. The school whose roll the pupil is on opens the case.";

  /**
   * The reason kept for a pupil left unticked whom the register held on another school's roll when the
   * review was completed: its form did not offer them ({@link ReviewRollMarks}). Names no other school.
   */
  public static final String NOT_OFFERED_ON_ANOTHER_ROLL_REASON = "Not offered to open a case: the register had the"
      + " pupil on another school's roll when the review was completed. The school whose roll the pupil is on opens the case.";

  private final HistoryService history;
  private final SchoolAccess access;
  private final AttendanceRegister register;
  private final OpenCases openCases;
  private final uk.schoolattendance.schools.SchoolCalendar calendar;
  private final DecisionService decisions;
  private final PupilsNotOpenedProperties properties;

  PupilsNotOpened(HistoryService history, SchoolAccess access, AttendanceRegister register, OpenCases openCases,
      uk.schoolattendance.schools.SchoolCalendar calendar, DecisionService decisions, PupilsNotOpenedProperties properties) {
    this.properties = properties;
    this.decisions = decisions;
    this.history = history;
    this.access = access;
    this.register = register;
    this.openCases = openCases;
    this.calendar = calendar;
  }

  /**
   * One page of the pupils left unticked: its number (from 1), its rows, how many there are in all,
   * and the first day of the reviews read ({@link #since}).
   */
  public record Page(int number, List<NotOpened> rows, int total, LocalDate since) {}

  /**
   * The first day whose completed reviews are read: the 1st of the month {@code
   * attendance.pupils-not-opened.months} calendar months back, this month counted (12 on 29 November
   * 2026: 1 December 2025), in the authority's zone.
   */
  public LocalDate since() {
    return calendar.today().withDayOfMonth(1).minusMonths(properties.months() - 1L);
  }

  /** Completed reviews (and their variables) read per query. */
  static final int CHUNK = 500;

  /**
   * The pupils left unticked on the reviews of these schools (every school when {@code urns} is null)
   * completed {@link #since} that day, newest review first, each review's pupils in its list's order:
   * the page {@code page} chooses (from 1) given how many pages of {@code size} pupils there are, and
   * how many pupils there are. Every review since then is read (its task and its list, {@link #CHUNK}
   * at a time), so none of them is left off, and none before it, so the cost does not grow with the
   * history; today's figures and open cases are looked up for the page's pupils only.
   */
  public Page page(Collection<String> urns, java.util.function.IntUnaryOperator page, int size) {
    return access.asSystem(() -> {
      LocalDate since = since();
      java.util.Date sinceStart = calendar.startOfDay(since);
      List<HistoricTaskInstance> completed = new ArrayList<>();
      if (urns == null) {
        completed.addAll(all(completedReviews(sinceStart)));
      } else {
        for (String urn : new LinkedHashSet<>(urns)) {
          completed.addAll(all(completedReviews(sinceStart).processVariableValueEquals(ReviewIdentifiedPupils.SCHOOL_URN.name(), urn)));
        }
        completed.sort(NEWEST_FIRST);
      }
      Map<String, Map<String, Object>> variables = new HashMap<>();
      List<String> instances = completed.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().toList();
      for (int from = 0; from < instances.size(); from += CHUNK) {
        List<String> chunk = instances.subList(from, Math.min(instances.size(), from + CHUNK));
        // every one (read as the application: no query results limit); the process's own value wins
        // over one a task or sub-scope happens to hold under the same name
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
            .processInstanceIdIn(chunk.toArray(String[]::new))
            .variableNameIn(ReviewIdentifiedPupils.PUPILS_NOT_OPENED.name(), ReviewIdentifiedPupils.SCHOOL_URN.name(),
                ReviewIdentifiedPupils.CASES_OPENED.name())
            .disableCustomObjectDeserialization().list()) {
          Map<String, Object> values = variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>());
          if (v.getTaskId() == null && v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
            values.put(v.getName(), v.getValue());
          } else {
            values.putIfAbsent(v.getName(), v.getValue());
          }
        }
      }
      List<JsonNode> rows = new ArrayList<>();
      List<HistoricTaskInstance> of = new ArrayList<>();
      for (HistoricTaskInstance task : completed) {
        Map<String, Object> values = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
        Object notOpened = values.get(ReviewIdentifiedPupils.PUPILS_NOT_OPENED.name());
        if (notOpened != null) {
          for (JsonNode pupil : read(notOpened)) {
            rows.add(pupil);
            of.add(task);
          }
        }
        for (JsonNode pupil : tickedOnAnotherRoll(task, values.get(ReviewIdentifiedPupils.CASES_OPENED.name()))) {
          rows.add(pupil);
          of.add(task);
        }
      }
      int total = rows.size();
      int pages = Math.max(1, (total + size - 1) / size);
      int number = Math.min(Math.max(1, page.applyAsInt(pages)), pages);
      int from = (number - 1) * size;
      int to = Math.min(total, from + size);
      rows = rows.subList(from, to);
      of = of.subList(from, to);
      Set<String> upns = new LinkedHashSet<>();
      rows.forEach(row -> upns.add(row.path("upn").asText()));
      LocalDate today = calendar.today();
      Map<String, Figures> now = upns.isEmpty() ? Map.of() : register.figures(upns, today);
      Set<String> withCase = upns.isEmpty() ? Set.of() : openCases.withOpenCase(upns);
      Map<List<Object>, Boolean> decided = new HashMap<>();
      List<NotOpened> shown = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        JsonNode row = rows.get(i);
        HistoricTaskInstance task = of.get(i);
        String upn = row.path("upn").asText();
        Figures figures = now.get(upn);
        boolean still = figures != null && stillIdentified(figures, decided);
        Object urn = variables.get(task.getProcessInstanceId()).get(ReviewIdentifiedPupils.SCHOOL_URN.name());
        String by = row.hasNonNull("by") ? row.get("by").asText() : task.getAssignee();
        boolean elsewhere = row.path(ON_ANOTHER_ROLL).asBoolean(false);
        List<String> onRollNow = elsewhere
            ? register.pupil(upn).map(AttendanceRegister.Pupil::schools).orElse(List.of()) : List.of();
        shown.add(new NotOpened(urn == null ? null : urn.toString(), upn, row.path("name").asText(),
            row.hasNonNull("attendancePercent") ? row.get("attendancePercent").asDouble() : null,
            row.hasNonNull("bandShown") ? row.get("bandShown").asText() : null,
            row.hasNonNull("unauthorisedSessions") ? row.get("unauthorisedSessions").asInt() : null,
            row.path("why").asText(), row.path("reason").asText(), by, task.getEndTime().toInstant(), still,
            withCase.contains(upn), elsewhere, onRollNow));
      }
      return new Page(number, List.copyOf(shown), total, since);
    });
  }

  private static final String ON_ANOTHER_ROLL = OpenAttendanceCases.ON_ANOTHER_ROLL;

  /**
   * The pupils the reviewer ticked for whom no case opened because they were on another school's
   * roll ({@code casesOpened[].onAnotherRoll}), after the pupils left unticked: each as the review's
   * list showed them ({@code identifiedPupils}, read only for a review that has such a pupil), with
   * {@link #ON_ANOTHER_ROLL_REASON} as the reason.
   */
  private List<JsonNode> tickedOnAnotherRoll(HistoricTaskInstance task, Object casesOpened) {
    if (casesOpened == null) {
      return List.of();
    }
    List<String> upns = new ArrayList<>();
    for (JsonNode opened : read(casesOpened)) {
      if (opened.path(ON_ANOTHER_ROLL).asBoolean(false)) {
        upns.add(opened.path("upn").asText());
      }
    }
    if (upns.isEmpty()) {
      return List.of();
    }
    Map<String, JsonNode> listed = new HashMap<>();
    HistoricVariableInstance identified = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(task.getProcessInstanceId()).variableName(ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name())
        .disableCustomObjectDeserialization().list().stream().filter(v -> v.getTaskId() == null).findFirst().orElse(null);
    if (identified != null && identified.getValue() != null) {
      for (JsonNode pupil : read(identified.getValue())) {
        listed.put(pupil.path("upn").asText(), pupil);
      }
    }
    List<JsonNode> rows = new ArrayList<>();
    for (String upn : upns) {
      JsonNode pupil = listed.get(upn);
      com.fasterxml.jackson.databind.node.ObjectNode row = IdentifiedPupils.JSON.createObjectNode().put("upn", upn)
          .put("reason", ON_ANOTHER_ROLL_REASON).put(ON_ANOTHER_ROLL, true);
      if (pupil != null) {
        row.put("name", pupil.path("name").asText());
        for (String figure : List.of("attendancePercent", "bandShown", "unauthorisedSessions", "why")) {
          if (pupil.hasNonNull(figure)) {
            row.set(figure, pupil.get(figure));
          }
        }
      } else {
        row.put("name", register.pupil(upn).map(AttendanceRegister.Pupil::name).orElse(upn));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Newest completed first; reviews completed in the same millisecond in a fixed order, so the pages never overlap. */
  private static final java.util.Comparator<HistoricTaskInstance> NEWEST_FIRST =
      java.util.Comparator.comparing(HistoricTaskInstance::getEndTime).reversed().thenComparing(HistoricTaskInstance::getId);

  /** Every task the query finds, {@link #CHUNK} at a time. */
  private static List<HistoricTaskInstance> all(HistoricTaskInstanceQuery query) {
    List<HistoricTaskInstance> all = new ArrayList<>();
    for (int from = 0; ; from += CHUNK) {
      List<HistoricTaskInstance> chunk = query.listPage(from, CHUNK);
      all.addAll(chunk);
      if (chunk.size() < CHUNK) {
        return all;
      }
    }
  }

  /** Whether identification would name the pupil on these figures were nothing turned into work yet; asked once per band and threshold. */
  private boolean stillIdentified(Figures figures, Map<List<Object>, Boolean> decided) {
    String band = figures.band() == null ? "none" : figures.band();
    boolean met = figures.thresholdMetOn() != null;
    return decided.computeIfAbsent(List.of(band, met),
        k -> Boolean.TRUE.equals(Identification.decide(decisions, band, "none", met, false).get("identified")));
  }

  /** The reviews completed at or after {@code since}. */
  private HistoricTaskInstanceQuery completedReviews(java.util.Date since) {
    return history.createHistoricTaskInstanceQuery().processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .taskDefinitionKey(ReviewIdentifiedPupils.REVIEW_IDENTIFIED_PUPILS.id()).finished().finishedAfter(since)
        .orderByHistoricTaskInstanceEndTime().desc().orderByTaskId().asc();
  }

  private static JsonNode read(Object value) {
    try {
      return IdentifiedPupils.JSON.readTree(value.toString());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a review's pupilsNotOpened is not Json", e);
    }
  }
}
