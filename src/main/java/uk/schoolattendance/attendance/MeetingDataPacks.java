package uk.schoolattendance.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import uk.schoolattendance.meetings.SchoolDataPacks;
import uk.schoolattendance.schools.SchoolCalendar;

/** The register's data pack ({@link DataPacks}) as the Targeting Support Meeting's form shows it. */
@Component
class MeetingDataPacks implements SchoolDataPacks {

  private final DataPacks packs;
  private final SchoolCalendar calendar;

  MeetingDataPacks(DataPacks packs, SchoolCalendar calendar) {
    this.packs = packs;
    this.calendar = calendar;
  }

  @Override
  public MeetingDataPack forMeeting(String schoolUrn) {
    DataPacks.DataPack pack = packs.of(schoolUrn, calendar.today());
    return new MeetingDataPack(pack.asOf().toString(), json(pack.bands()), json(pack.severelyAbsentWithoutPlan()),
        json(pack.cohorts()), json(pack.comparison()));
  }

  private static JsonNode json(Object value) {
    return IdentifiedPupils.JSON.valueToTree(value);
  }
}
