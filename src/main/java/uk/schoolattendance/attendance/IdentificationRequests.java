package uk.schoolattendance.attendance;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.SchoolAccess;

/**
 * Asks for identification after an import: starts {@code IdentifyAttendanceConcerns} for the
 * import (business key {@code import-<id>}), whose asynchronous service task does the work, is
 * retried when it fails and shows an incident in Cockpit when it keeps failing. Started as the
 * system: the importer (a school) may not start processes.
 */
@Component
class IdentificationRequests {

  private final RuntimeService runtime;
  private final SchoolAccess access;

  IdentificationRequests(RuntimeService runtime, SchoolAccess access) {
    this.runtime = runtime;
    this.access = access;
  }

  void requestFor(int importId) {
    access.asSystem(
        () ->
            runtime.createProcessInstanceByKey(IdentifyAttendanceConcerns.KEY)
                .businessKey(businessKey(importId))
                .setVariable(IdentifyAttendanceConcerns.IMPORT_ID.name(), importId)
                .execute());
  }

  static String businessKey(int importId) {
    return "import-" + importId;
  }
}
