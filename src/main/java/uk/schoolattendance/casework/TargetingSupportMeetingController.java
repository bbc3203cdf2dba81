package uk.schoolattendance.casework;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/targeting-support-meetings} with {@code schoolUrn}, {@code term} (e.g.
 * "2026-27 autumn") and an optional {@code meetingDate}: starts that school's termly meeting.
 */
@RestController
class TargetingSupportMeetingController {

  private final RuntimeService runtimeService;

  TargetingSupportMeetingController(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @PostMapping("/api/targeting-support-meetings")
  ResponseEntity<Map<String, Object>> start(@RequestBody Map<String, Object> request) {
    ProcessInstance instance =
        runtimeService.createProcessInstanceByKey("TargetingSupportMeeting").setVariables(request).execute();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("meetingReference", instance.getBusinessKey());
    body.put("processInstanceId", instance.getId());
    return ResponseEntity.created(URI.create("/api/targeting-support-meetings/" + instance.getBusinessKey())).body(body);
  }
}
