package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.InvalidInputException;

/**
 * Completion of "Review identified pupils" ({@code identifiedPupilsReview}): {@code pupilsToOpen}
 * (the UPNs chosen; none is fine) must name pupils of the list, each with a parent on record;
 * otherwise the completion is refused naming the pupil and the task stays open. Sets what the task
 * owns: {@code casesToOpen} (Json list of UPNs) and {@code casesChosen}. A listed pupil left unticked
 * needs {@code notOpenedReason} when the task's form asks for it (version 1.1 on), else the completion
 * is refused naming the pupils; each is kept in {@code pupilsNotOpened} with the reason. A completion
 * sent with a {@code listRevision} other than the list's current one, or with it empty where the form shows it, is
 * refused first: pupils were
 * added to the list, or listed again with new figures, after the form was opened, and are not closed unseen.
 * A pupil left unticked whom the register holds on another school's roll today (the form does not offer
 * them: {@link ReviewRollMarks}) needs no reason: kept in {@code pupilsNotOpened} with {@code
 * onAnotherRoll} and {@link PupilsNotOpened#NOT_OFFERED_ON_ANOTHER_ROLL_REASON}.
 */
@Component("identifiedPupilsReview")
class IdentifiedPupilsReview implements TaskListener {

  private final ReviewForm reviewForm;
  private final ReviewRollMarks rollMarks;

  IdentifiedPupilsReview(ReviewForm reviewForm, ReviewRollMarks rollMarks) {
    this.reviewForm = reviewForm;
    this.rollMarks = rollMarks;
  }

  @Override
  public void notify(DelegateTask task) {
    refuseIfListGrew(task);
    Map<String, JsonNode> listed = new LinkedHashMap<>(); // in the list's order: most severe first
    for (JsonNode pupil : json(ReviewIdentifiedPupils.IDENTIFIED_PUPILS.raw(task), ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name())) {
      listed.put(pupil.path("upn").asText(), pupil);
    }
    Set<String> chosen = new LinkedHashSet<>();
    Object sent = ReviewIdentifiedPupils.PUPILS_TO_OPEN.raw(task);
    if (sent != null && !(sent instanceof String s && s.isBlank())) {
      JsonNode upns = json(sent, "pupilsToOpen");
      if (!upns.isArray()) {
        throw new InvalidInputException("pupilsToOpen", "must be a list of the chosen pupils' UPNs");
      }
      for (JsonNode upn : upns) {
        chosen.add(upn.asText());
      }
    }
    List<String> problems = new ArrayList<>();
    for (String upn : chosen) {
      JsonNode pupil = listed.get(upn);
      if (pupil == null) {
        throw new InvalidInputException("pupilsToOpen", upn + " is not one of the pupils identified on this task");
      }
      if (pupil.path("parentsOnRecord").asInt() == 0) {
        problems.add(pupil.path("name").asText() + " (" + upn + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("pupilsToOpen", String.join(", ", problems)
          + (problems.size() > 1 ? " have" : " has") + " no parent with an address on record: untick "
          + (problems.size() > 1 ? "them" : "the pupil") + " and open the case from the start form with the parents' details");
    }
    com.fasterxml.jackson.databind.node.ArrayNode notOpened = IdentifiedPupils.JSON.createArrayNode();
    var signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = signedIn == null ? null : signedIn.getUserId();
    // not offered by the form (ReviewRollMarks): left unticked, they need no reason; the page of pupils not opened
    // says so, naming the school only to the authority. One ticked is left to "Open attendance cases", which skips it
    Set<String> elsewhere = rollMarks.onAnotherRoll(ReviewIdentifiedPupils.SCHOOL_URN.get(task), listed.keySet());
    elsewhere.removeAll(chosen);
    listed.forEach((upn, pupil) -> {
      if (!chosen.contains(upn)) {
        com.fasterxml.jackson.databind.node.ObjectNode row = notOpened.addObject().put("upn", upn)
            .put("name", pupil.path("name").asText())
            .put("attendancePercent", pupil.path("attendancePercent").asDouble()).put("why", pupil.path("why").asText());
        // the figures the reviewer was shown, and who decided: the page of pupils not opened shows them later
        if (pupil.hasNonNull("bandShown")) {
          row.put("bandShown", pupil.get("bandShown").asText());
        }
        if (pupil.hasNonNull("unauthorisedSessions")) {
          row.put("unauthorisedSessions", pupil.get("unauthorisedSessions").asInt());
        }
        if (by != null) {
          row.put("by", by);
        }
        if (elsewhere.contains(upn)) {
          row.put(OpenAttendanceCases.ON_ANOTHER_ROLL, true);
        }
      }
    });
    Object given = ReviewIdentifiedPupils.NOT_OPENED_REASON.raw(task);
    String reason = given == null ? "" : given.toString().trim();
    if (reason.length() > 2000) {
      throw new InvalidInputException("notOpenedReason", "must be at most 2000 characters");
    }
    Map<String, String> own = ownReasons(task, listed, chosen);
    com.fasterxml.jackson.databind.node.ArrayNode withoutReason = IdentifiedPupils.JSON.createArrayNode();
    notOpened.forEach(p -> {
      if (!own.containsKey(p.path("upn").asText()) && reason.isEmpty() && !elsewhere.contains(p.path("upn").asText())) {
        withoutReason.add(p);
      }
    });
    if (!withoutReason.isEmpty() && asksWhy(task)) {
      throw new InvalidInputException("notOpenedReason", "say why no case opens now for the "
          + (withoutReason.size() == 1 ? "pupil" : withoutReason.size() + " pupils") + " you did not tick ("
          + names(withoutReason) + "), each its own (notOpenedReasons) or one for the rest, e.g. a support plan agreed"
          + " with the family: an identified pupil is not left without a word");
    }
    notOpened.forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p)
        .put("reason", own.getOrDefault(p.path("upn").asText(),
            elsewhere.contains(p.path("upn").asText()) ? PupilsNotOpened.NOT_OFFERED_ON_ANOTHER_ROLL_REASON : reason)));
    ReviewIdentifiedPupils.PUPILS_NOT_OPENED.set(task, notOpened);
    ReviewIdentifiedPupils.CASES_TO_OPEN.set(task, IdentifiedPupils.JSON.valueToTree(chosen));
    ReviewIdentifiedPupils.CASES_CHOSEN.set(task, !chosen.isEmpty());
  }

  /**
   * The reasons given pupil by pupil ({@code notOpenedReasons}), by UPN: blank ones left out. Refused,
   * naming the field and the pupil, and nothing changes (review 2, B2): a row for a pupil not on this
   * list, a reason for a pupil the completion also ticks to open (it would be dropped unseen; a blank
   * row is none, as the list comes filled in with a row per pupil), a pupil given twice (which reason
   * holds?), a reason that is not text, or one over 2000 characters. A row with neither UPN nor reason
   * is none: Tasklist's form empties the hidden row of a ticked pupil when it sends it; a reason with
   * no UPN is refused.
   */
  private static Map<String, String> ownReasons(DelegateTask task, Map<String, JsonNode> listed,
      java.util.Collection<String> chosen) {
    Map<String, String> own = new LinkedHashMap<>();
    Object sent = ReviewIdentifiedPupils.NOT_OPENED_REASONS.raw(task);
    if (sent == null || sent instanceof String s && s.isBlank()) {
      return own;
    }
    String field = ReviewIdentifiedPupils.NOT_OPENED_REASONS.name();
    JsonNode rows = json(sent, field);
    if (!rows.isArray()) {
      throw new InvalidInputException(field, "must be a list of {upn, reason}, one per pupil");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (JsonNode row : rows) {
      JsonNode upnSent = row.path("upn");
      String upn = upnSent.isMissingNode() || upnSent.isNull() ? "" : upnSent.asText().trim();
      JsonNode given = row.path("reason");
      if (upn.isEmpty() && (row.isObject() || row.isNull())
          && (given.isMissingNode() || given.isNull() || given.isTextual() && given.asText().isBlank())) {
        // a ticked pupil's row, whose fields the form hides (form 1.3), may come back emptied: it says nothing
        continue;
      }
      if (upn.isEmpty()) {
        throw new InvalidInputException(field, "a row gives a reason but no pupil's UPN: give the UPN of the pupil"
            + " it is for, or leave the reason out");
      }
      if (!listed.containsKey(upn)) {
        throw new InvalidInputException(field, "'" + upn + "' is not one of the pupils identified on this task");
      }
      String name = listed.get(upn).path("name").asText() + " (" + upn + ")";
      if (!seen.add(upn)) {
        throw new InvalidInputException(field, name + " is given more than once: give one reason per pupil");
      }
      if (!given.isMissingNode() && !given.isNull() && !given.isTextual()) {
        throw new InvalidInputException(field, "the reason for " + name + " must be text");
      }
      String reason = given.isTextual() ? given.asText().trim() : "";
      // the list comes filled in with a row per pupil (form 1.3): a ticked pupil's blank row says nothing
      if (chosen.contains(upn) && !reason.isEmpty()) {
        throw new InvalidInputException(field, name + " is ticked to open a case: give a reason only for a pupil"
            + " you did not tick");
      }
      if (reason.length() > 2000) {
        throw new InvalidInputException(field, "the reason for " + listed.get(upn).path("name").asText()
            + " must be at most 2000 characters");
      }
      if (!reason.isEmpty()) {
        own.put(upn, reason);
      }
    }
    return own;
  }

  /**
   * Whether the task's form asks why (it has the {@code notOpenedReason} field, version 1.1 on): a
   * review started before keeps its form, and completes as it did. Read from the form the task shows,
   * not from the version tag.
   */
  private boolean asksWhy(DelegateTask task) {
    return reviewForm.has(task.getProcessEngineServices().getRepositoryService(), task.getProcessDefinitionId(),
        ReviewIdentifiedPupils.NOT_OPENED_REASON);
  }

  /**
   * Refuses a completion made on an older list: the form sends back the revision it showed, and pupils
   * merged into the review since (a later import: a new pupil, or a listed pupil with new figures and
   * reason) would otherwise be closed, or given a reason, unseen.
   */
  private void refuseIfListGrew(DelegateTask task) {
    Object shown = ReviewIdentifiedPupils.LIST_REVISION.raw(task);
    Object current = ReviewIdentifiedPupils.CURRENT_LIST_REVISION.raw(task);
    if (current == null) {
      // a list merged before the counter: its revision was the number of pupils
      current = ReviewIdentifiedPupils.IDENTIFIED_PUPIL_COUNT.raw(task);
    }
    if (shown == null && current != null && reviewForm.has(task.getProcessEngineServices().getRepositoryService(),
        task.getProcessDefinitionId(), ReviewIdentifiedPupils.LIST_REVISION)) {
      // sent empty (engine REST {"value": null}): no revision was seen, so the list cannot be shown to be the one reviewed
      throw new InvalidInputException(ReviewIdentifiedPupils.LIST_REVISION.name(), "must be the list's revision the task's"
          + " form shows, not empty: reload the task and complete it from its form, or send the value the task shows");
    }
    if (shown == null || current == null) {
      return;
    }
    long seen;
    try {
      seen = shown instanceof Number number ? number.longValue() : Long.parseLong(shown.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(ReviewIdentifiedPupils.LIST_REVISION.name(), "must be the whole number the task's form shows");
    }
    if (seen != ((Number) current).longValue()) {
      throw new InvalidInputException(ReviewIdentifiedPupils.LIST_REVISION.name(), "the list of pupils changed since you opened"
          + " it (pupils added, or listed again with new figures): reload the task");
    }
  }

  private static String names(JsonNode pupils) {
    List<String> names = new ArrayList<>();
    pupils.forEach(p -> names.add(p.path("name").asText()));
    return names.size() <= 5 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
  }

  private static JsonNode json(Object value, String name) {
    try {
      if (value instanceof org.camunda.spin.json.SpinJsonNode spin) {
        return IdentifiedPupils.JSON.readTree(spin.toString());
      }
      if (value instanceof String text) {
        return IdentifiedPupils.JSON.readTree(text);
      }
      return IdentifiedPupils.JSON.valueToTree(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException(name, "must be a Json list");
    }
  }
}
