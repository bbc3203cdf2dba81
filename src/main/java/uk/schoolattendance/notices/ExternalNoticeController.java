package uk.schoolattendance.notices;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.schoolattendance.security.CurrentUser;

/**
 * Notices issued outside the product: {@code POST /api/penalty-notices/external}. A head teacher
 * (or an authorised deputy or assistant head), the police or another local authority may have
 * issued a penalty notice to the same parent for the same child (SI 2007/1867 regs 10 to 13); the
 * compliance team records it here and it counts towards the limit of 2 in 3 years, the
 * second-notice rate and the census like the authority's own (issue #12 item 4).
 */
@RestController
@RequestMapping("/api/penalty-notices")
class ExternalNoticeController {

  private final PenaltyNoticeActions actions;
  private final CurrentUser currentUser;

  ExternalNoticeController(PenaltyNoticeActions actions, CurrentUser currentUser) {
    this.actions = actions;
    this.currentUser = currentUser;
  }

  /** Records the notice in the register (201 with its entry); the compliance team only (403 otherwise). */
  @PostMapping("/external")
  ResponseEntity<PenaltyNoticeEntry> record(@Valid @RequestBody ExternalNoticeRequest body) {
    if (!currentUser.recordsExternalNotices()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(actions.recordExternal(body));
  }
}
