package uk.schoolattendance.attendance;

import static uk.schoolattendance.process.ProcessVariable.bool;
import static uk.schoolattendance.process.ProcessVariable.integer;
import static uk.schoolattendance.process.ProcessVariable.json;
import static uk.schoolattendance.process.ProcessVariable.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code ReviewIdentifiedPupils} (bpmn/ReviewIdentifiedPupils.bpmn, docs/register.md):
 * the pupils of one school newly identified from the register, from which the reviewer opens cases in
 * one step. One review per school at a time gathers the pupils of several imports: pupils identified
 * while the school's review is still open join its list (listed lowest attendance first, each row
 * naming the import that identified it). The business key {@code review-{importId}-{schoolUrn}} names
 * the import that <em>started</em> the review. A pupil left unticked needs a reason ({@code
 * notOpenedReason}), kept with the pupils it covers ({@code pupilsNotOpened}). The form carries the
 * list's revision ({@code listRevision}, read-only): a completion made on a list that has since grown
 * is refused, so no pupil is closed unseen.
 */
@Component
public final class ReviewIdentifiedPupils implements ProcessContract {

  public static final String KEY = "ReviewIdentifiedPupils";

  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  /** A Json list: each pupil's name, UPN, year group, figures, why identified and parents on record. */
  public static final ProcessVariable<JsonNode> IDENTIFIED_PUPILS = json("identifiedPupils");
  /** The checklist's options: {@code {label, value}} per pupil. */
  public static final ProcessVariable<JsonNode> PUPIL_CHOICES = json("pupilChoices");
  public static final ProcessVariable<Integer> IDENTIFIED_PUPIL_COUNT = integer("identifiedPupilCount");
  /** What the reviewer ticks: a list of UPNs (a Json list, or its text). */
  public static final ProcessVariable<JsonNode> PUPILS_TO_OPEN = json("pupilsToOpen");
  /** Set by the completion: the UPNs to open cases for, and whether there is any. */
  public static final ProcessVariable<JsonNode> CASES_TO_OPEN = json("casesToOpen");
  public static final ProcessVariable<Boolean> CASES_CHOSEN = bool("casesChosen");
  /** Each chosen pupil's UPN and case reference. */
  public static final ProcessVariable<JsonNode> CASES_OPENED = json("casesOpened");

  /**
   * Why no case now for the listed pupils left unticked (the form since version 1.1 of the process):
   * required when any pupil is left unticked, so no identified pupil is dropped without a word.
   */
  public static final ProcessVariable<String> NOT_OPENED_REASON = text("notOpenedReason");
  /**
   * Why no case now, pupil by pupil (walk 14, defect 16): a Json list of {@code {upn, reason}} sent
   * with the completion. Set with the list, one row per pupil ({@code upn}, {@code pupil}: the name),
   * which the form (version 1.3 on) shows for the pupils left unticked; API clients send it too. A
   * pupil left unticked takes its own reason, or {@link #NOT_OPENED_REASON} for the rest; a blank
   * reason, or one for a pupil ticked, is none.
   */
  public static final ProcessVariable<JsonNode> NOT_OPENED_REASONS = json("notOpenedReasons");
  /** Set by the completion: each pupil left unticked (UPN, name, attendance, why identified) with the reason given. */
  public static final ProcessVariable<JsonNode> PUPILS_NOT_OPENED = json("pupilsNotOpened");

  /**
   * The list's revision as the form showed it (version 1.2 on): set with the list to {@link
   * #CURRENT_LIST_REVISION} and sent back read-only by the form. A completion whose revision is not the
   * current one is refused: pupils were added, or listed again with new figures, after the reviewer
   * opened the task.
   */
  public static final ProcessVariable<Integer> LIST_REVISION = integer("listRevision");

  /**
   * The list's current revision, the application's (no task sets it): 1 when the review starts, raised
   * by one on every merge that adds or changes a row. A separate variable, because a completion writes
   * {@link #LIST_REVISION} before its listener reads it.
   */
  public static final ProcessVariable<Integer> CURRENT_LIST_REVISION = integer("currentListRevision");

  public static final UserTaskContract REVIEW_IDENTIFIED_PUPILS =
      UserTaskContract.of("Task_ReviewIdentifiedPupils", PUPILS_TO_OPEN, NOT_OPENED_REASON, NOT_OPENED_REASONS,
          LIST_REVISION)
          .sentWhenOnForm(LIST_REVISION);

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(REVIEW_IDENTIFIED_PUPILS);
  }

}
