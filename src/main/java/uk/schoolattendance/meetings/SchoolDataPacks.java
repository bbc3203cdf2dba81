package uk.schoolattendance.meetings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A school's data pack as its Targeting Support Meeting shows it (implemented by the register):
 * each part a Json list the meeting's form shows as a table.
 */
public interface SchoolDataPacks {

  /** The school's pack as of today. */
  MeetingDataPack forMeeting(String schoolUrn);

  /**
   * @param asOf the day the figures count to (ISO-8601)
   * @param bands per band: pupils now, how many came into it and went out of it since the last term
   * @param severelyAbsent the severely absent pupils without a plan
   * @param cohorts per year group, SEN, free school meals and social worker: pupils, attendance, persistent or worse
   * @param comparison the school against the local authority
   */
  record MeetingDataPack(String asOf, JsonNode bands, JsonNode severelyAbsent, JsonNode cohorts, JsonNode comparison) {}
}
