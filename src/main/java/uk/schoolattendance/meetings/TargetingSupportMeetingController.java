package uk.schoolattendance.meetings;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * {@code POST /api/targeting-support-meetings} with {@code schoolUrn}, {@code term} (e.g.
 * "2026-27 autumn") and an optional {@code meetingDate}: starts that school's termly meeting.
 */
@RestController
class TargetingSupportMeetingController {

  /** The meeting to start; its start checks the term and the day against the calendar. */
  @Checked
  record StartMeetingRequest(String schoolUrn, String term, LocalDate meetingDate) implements CheckedBody {
    @Override
    public void check() {
      Inputs.schoolUrn(TargetingSupportMeeting.SCHOOL_URN.name(), schoolUrn);
      Inputs.requiredText(TargetingSupportMeeting.TERM.name(), term, 20);
    }
  }

  private final RuntimeService runtimeService;

  TargetingSupportMeetingController(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @PostMapping("/api/targeting-support-meetings")
  ResponseEntity<Map<String, Object>> start(@Valid @RequestBody StartMeetingRequest request) {
    Map<String, Object> variables = new HashMap<>();
    TargetingSupportMeeting.SCHOOL_URN.put(variables, request.schoolUrn());
    TargetingSupportMeeting.TERM.put(variables, request.term());
    if (request.meetingDate() != null) {
      variables.put(TargetingSupportMeeting.MEETING_DATE.name(), request.meetingDate().toString());
    }
    ProcessInstance instance =
        runtimeService.createProcessInstanceByKey(TargetingSupportMeeting.KEY).setVariables(variables).execute();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("meetingReference", instance.getBusinessKey());
    body.put("processInstanceId", instance.getId());
    return ResponseEntity.created(URI.create("/api/targeting-support-meetings/" + instance.getBusinessKey())).body(body);
  }
}
