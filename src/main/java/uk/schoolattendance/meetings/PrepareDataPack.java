package uk.schoolattendance.meetings;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Prepare data pack" ({@code prepareDataPack}): reads {@code schoolUrn}, sets the school's data
 * pack for the meeting's form ({@code dataPackAsOf} and as people read it {@code dataPackAsOfShown}, {@code dataPackBands}, {@code
 * dataPackSeverelyAbsent}, {@code dataPackCohorts}, {@code dataPackComparison}).
 */
@Component("prepareDataPack")
public class PrepareDataPack implements JavaDelegate {

  private final SchoolDataPacks packs;

  public PrepareDataPack(SchoolDataPacks packs) {
    this.packs = packs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SchoolDataPacks.MeetingDataPack pack = packs.forMeeting(TargetingSupportMeeting.SCHOOL_URN.get(execution));
    TargetingSupportMeeting.DATA_PACK_AS_OF.set(execution, pack.asOf());
    TargetingSupportMeeting.DATA_PACK_AS_OF_SHOWN.set(execution,
        pack.asOf() == null ? null : uk.schoolattendance.process.Days.shown(java.time.LocalDate.parse(pack.asOf())));
    TargetingSupportMeeting.DATA_PACK_BANDS.set(execution, pack.bands());
    TargetingSupportMeeting.DATA_PACK_SEVERELY_ABSENT.set(execution, pack.severelyAbsent());
    TargetingSupportMeeting.DATA_PACK_COHORTS.set(execution, pack.cohorts());
    TargetingSupportMeeting.DATA_PACK_COMPARISON.set(execution, pack.comparison());
  }
}
