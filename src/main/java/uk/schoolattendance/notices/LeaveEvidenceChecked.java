package uk.schoolattendance.notices;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.Inputs;

/**
 * Completing "Check term-time leave evidence": each of the four pieces of evidence must be
 * answered. {@code evidenceComplete} is true when the evidence the local code of conduct demands
 * is there ({@code attendance.penalty-notices.holiday-evidence-required}; national default: the
 * certificate of the attendance register, so a holiday taken without asking, recorded as G, can
 * reach a notice) and a leave request that was made comes with the school's written refusal.
 */
@Component("leaveEvidenceChecked")
public class LeaveEvidenceChecked implements TaskListener {

  private final PenaltyNoticeProperties properties;

  public LeaveEvidenceChecked(PenaltyNoticeProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Boolean> held = new HashMap<>();
    for (int i = 0; i < PenaltyNotice.EVIDENCE.size(); i++) {
      held.put(PenaltyNoticeProperties.HOLIDAY_EVIDENCE.get(i), Inputs.yesNo(task, PenaltyNotice.EVIDENCE.get(i), true));
    }
    boolean complete = properties.holidayEvidenceRequired().stream().allMatch(held::get);
    if (held.get("leave-application") && !held.get("written-refusal")) {
      complete = false; // a request made and not refused in writing was not refused
    }
    PenaltyNotice.EVIDENCE_COMPLETE.set(task, complete);
  }
}
