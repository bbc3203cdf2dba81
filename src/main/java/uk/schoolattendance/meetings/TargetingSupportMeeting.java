package uk.schoolattendance.meetings;

import static uk.schoolattendance.process.ProcessVariable.bool;
import static uk.schoolattendance.process.ProcessVariable.date;
import static uk.schoolattendance.process.ProcessVariable.json;
import static uk.schoolattendance.process.ProcessVariable.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.process.ProcessContract;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.UserTaskContract;

/**
 * The contract of {@code TargetingSupportMeeting} (bpmn/TargetingSupportMeeting.bpmn): a school's
 * termly meeting with its named officer, one per school and term (business key
 * {@code TSM-{urn}-{year}-{term}}).
 */
@Component
public final class TargetingSupportMeeting implements ProcessContract {

  public static final String KEY = "TargetingSupportMeeting";

  public static final ProcessVariable<String> SCHOOL_URN = CaseFacts.SCHOOL_URN;
  /** e.g. {@code 2026-27 autumn}. */
  public static final ProcessVariable<String> TERM = text("term");
  public static final ProcessVariable<Date> MEETING_DATE = date("meetingDate");
  public static final ProcessVariable<Date> MEETING_DUE_DATE = date("meetingDueDate");

  /** When the data pack is prepared: a week before the meeting is due (now, when that has passed). */
  public static final ProcessVariable<Date> DATA_PACK_DATE = date("dataPackDate");
  /** The school's data pack ({@link SchoolDataPacks}), prepared before the meeting: the day it counts to. */
  public static final ProcessVariable<String> DATA_PACK_AS_OF = text("dataPackAsOf");
  /** The same day as people read it, for the meeting's form: "28 May 2027". */
  public static final ProcessVariable<String> DATA_PACK_AS_OF_SHOWN = text("dataPackAsOfShown");
  /** Json lists the form shows as tables: pupils by band with their movement since the last term, … */
  public static final ProcessVariable<JsonNode> DATA_PACK_BANDS = json("dataPackBands");
  /** … the severely absent pupils without a plan, the cohorts, the school against the authority. */
  public static final ProcessVariable<JsonNode> DATA_PACK_SEVERELY_ABSENT = json("dataPackSeverelyAbsent");
  public static final ProcessVariable<JsonNode> DATA_PACK_COHORTS = json("dataPackCohorts");
  public static final ProcessVariable<JsonNode> DATA_PACK_COMPARISON = json("dataPackComparison");

  public static final ProcessVariable<String> PUPILS_IDENTIFIED = text("pupilsIdentified");
  public static final ProcessVariable<String> ACTIONS_AGREED = text("actionsAgreed");
  public static final ProcessVariable<String> LEAD_PRACTITIONER = text("leadPractitioner");
  public static final ProcessVariable<Boolean> SEVERELY_ABSENT_PUPILS_HAVE_PLANS = bool("severelyAbsentPupilsHavePlans");

  public static final String DATA_PACK_DUE = "Event_DataPackDue";
  public static final String PREPARE_DATA_PACK = "Task_PrepareDataPack";

  public static final UserTaskContract HOLD_TARGETING_SUPPORT_MEETING =
      UserTaskContract.of(
          "Task_HoldTargetingSupportMeeting",
          PUPILS_IDENTIFIED, ACTIONS_AGREED, LEAD_PRACTITIONER, SEVERELY_ABSENT_PUPILS_HAVE_PLANS);

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<UserTaskContract> userTasks() {
    return List.of(HOLD_TARGETING_SUPPORT_MEETING);
  }

}
