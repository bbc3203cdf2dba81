package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.SqlLists;

/**
 * The list a {@code ReviewIdentifiedPupils} task shows: each newly identified pupil with the
 * figures, why the pupil was identified and whether parents are on record ({@code
 * identifiedPupils}, Json), and the choices of its checklist ({@code pupilChoices}).
 */
@Component
class IdentifiedPupils {

  static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** A newly identified pupil, the decision's reason and the import that identified the pupil. */
  record Entry(int pupilId, Figures figures, String reason, int importId) {}

  private final JdbcTemplate jdbc;

  IdentifiedPupils(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Object> variables(List<Entry> entries) {
    return variablesOf(rows(entries), 1);
  }

  private List<ObjectNode> rows(List<Entry> entries) {
    Map<Integer, String[]> pupils = new HashMap<>();
    Map<Integer, Integer> parents = new HashMap<>();
    List<Integer> ids = entries.stream().map(Entry::pupilId).toList();
    for (List<Integer> chunk : SqlLists.chunks(ids, AttendanceRegister.CHUNK)) {
      String in = SqlLists.placeholders(chunk.size());
      jdbc.query("SELECT pupil_id, forename, surname, year_group, date_of_birth FROM att_pupil WHERE pupil_id IN (" + in + ")",
          rs -> {
            pupils.put(rs.getInt(1), new String[] {rs.getString(2) + " " + rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate().toString()});
          },
          chunk.toArray());
      jdbc.query("SELECT pupil_id, COUNT(*) FROM att_contact WHERE address IS NOT NULL AND (parental_responsibility IS NULL"
              + " OR parental_responsibility = TRUE) AND pupil_id IN (" + in + ") GROUP BY pupil_id",
          rs -> {
            parents.put(rs.getInt(1), rs.getInt(2));
          },
          chunk.toArray());
    }
    List<ObjectNode> rows = new java.util.ArrayList<>();
    for (Entry e : entries) {
      Figures f = e.figures();
      String[] pupil = pupils.get(e.pupilId());
      int onRecord = parents.getOrDefault(e.pupilId(), 0);
      ObjectNode row = JSON.createObjectNode();
      row.put("upn", f.upn());
      row.put("name", pupil[0]);
      row.put("pupil", pupil[0] + " (" + f.upn() + ")");
      row.put("yearGroup", pupil[1]);
      row.put("dateOfBirth", pupil[2]);
      row.put("attendancePercent", f.attendancePercent());
      row.put("band", f.band());
      row.put("bandShown", BandWords.of(f.band()));
      row.put("possibleSessions", f.possibleSessions());
      row.put("unauthorisedAbsence", f.unauthorisedAbsence());
      row.put("unauthorisedSessions", f.unauthorisedInLast10SchoolWeeks());
      row.put("thresholdMetOn", f.thresholdMetOn() == null ? null : f.thresholdMetOn().toString());
      row.put("thresholdMet", f.thresholdMetOn() == null ? "" : UK_DATE.format(f.thresholdMetOn()));
      row.put("reason", e.reason());
      row.put("importId", e.importId());
      row.put("why", why(e.reason(), f.thresholdMetOn()));
      row.put("parentsOnRecord", onRecord);
      row.put("parents", onRecord == 0 ? "none on record: open from the start form" : onRecord + " on record");
      rows.add(row);
    }
    return rows;
  }

  /**
   * The pupils of a school's open review with those newly identified added (a pupil listed again
   * takes the new figures): a school that sends its register every day keeps one list to review,
   * not one more task per import. Each row names the import that identified the pupil; a row listed
   * before rows named it gets {@code startedBy}, the import that started the review.
   */
  Map<String, Object> added(Object listed, List<Entry> entries, int startedBy, Object revision) {
    Map<String, ObjectNode> byUpn = new java.util.LinkedHashMap<>();
    JsonNode old = listed == null ? JSON.createArrayNode() : read(listed);
    for (JsonNode row : old) {
      if (row instanceof ObjectNode object) {
        object.putIfAbsent("pupil", JSON.getNodeFactory().textNode(row.path("name").asText() + " (" + row.path("upn").asText() + ")"));
        object.putIfAbsent("importId", JSON.getNodeFactory().numberNode(startedBy));
        byUpn.put(row.path("upn").asText(), object);
      }
    }
    boolean changed = false;
    for (ObjectNode row : rows(entries)) {
      ObjectNode before = byUpn.put(row.path("upn").asText(), row);
      changed |= !row.equals(before);
    }
    // a list started before the counter: its revision was the number of pupils, which only grew
    int current = revision instanceof Number number ? number.intValue() : old.size();
    return variablesOf(new java.util.ArrayList<>(byUpn.values()), changed ? current + 1 : current);
  }

  private static JsonNode read(Object value) {
    try {
      if (value instanceof String text) {
        return JSON.readTree(text);
      }
      return value instanceof JsonNode node ? node : JSON.readTree(value.toString());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the open review's list of pupils is not Json", e);
    }
  }

  /**
   * The list, most severe first (lowest attendance, then name), with the checklist's choices and its
   * revision: a counter, 1 at the start, raised by every merge that adds or changes a row (a pupil
   * listed again replaces its row: the count would not change, the figures do).
   */
  private static Map<String, Object> variablesOf(List<ObjectNode> rows, int revision) {
    rows.sort(java.util.Comparator.comparingDouble((ObjectNode r) -> r.path("attendancePercent").asDouble())
        .thenComparing(r -> r.path("name").asText()));
    ArrayNode list = JSON.createArrayNode();
    ArrayNode choices = JSON.createArrayNode();
    // a row per pupil for a reason of their own if left unticked (the form's list, 1.3 on): the pupil named, the UPN
    // sent back with the reason; a merge lists them afresh, as the reviewer has given none before completing
    ArrayNode reasons = JSON.createArrayNode();
    for (ObjectNode row : rows) {
      reasons.addObject().put("upn", row.path("upn").asText()).put("pupil", row.path("name").asText());
      list.add(row);
      int onRecord = row.path("parentsOnRecord").asInt();
      ObjectNode choice = choices.addObject();
      choice.put("label", row.path("name").asText() + " (" + row.path("upn").asText() + "), "
          + row.path("attendancePercent").asText() + "%, " + row.path("why").asText()
          + (onRecord == 0 ? " - no parent on record" : ""));
      choice.put("value", row.path("upn").asText());
    }
    Map<String, Object> variables = new HashMap<>();
    ReviewIdentifiedPupils.IDENTIFIED_PUPILS.put(variables, list);
    ReviewIdentifiedPupils.PUPIL_CHOICES.put(variables, choices);
    ReviewIdentifiedPupils.NOT_OPENED_REASONS.put(variables, reasons);
    ReviewIdentifiedPupils.IDENTIFIED_PUPIL_COUNT.put(variables, rows.size());
    ReviewIdentifiedPupils.LIST_REVISION.put(variables, revision);
    ReviewIdentifiedPupils.CURRENT_LIST_REVISION.put(variables, revision);
    return variables;
  }

  /** Why the pupil was identified, in words. */
  static String why(String reason, LocalDate thresholdMetOn) {
    return switch (reason) {
      case "threshold-met" -> thresholdMetOn == null
          ? "met the national threshold (date not recorded)" : "met the national threshold on " + UK_DATE.format(thresholdMetOn);
      case "entered-chronic" -> "severe absence, below 30% (chronic)";
      case "entered-severe" -> "severe absence (50% or less)";
      case "entered-persistent" -> "persistent absence (90% or less)";
      default -> reason;
    };
  }
}
