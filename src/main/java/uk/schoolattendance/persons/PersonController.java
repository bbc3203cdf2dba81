package uk.schoolattendance.persons;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Liable parents as persons: {@code GET /api/persons/{id}} (a merged id answers with its
 * survivor) and {@code POST /api/persons/{id}/merge} (senior practitioners, the compliance team
 * and administrators: docs/security.md). A school reads only the parents its own pupils' cases
 * name; anyone else's person is "not found" to it.
 */
@RestController
@RequestMapping("/api/persons")
class PersonController {

  private final PersonAccess access;

  PersonController(PersonAccess access) {
    this.access = access;
  }

  @GetMapping("/{id}")
  Person get(@PathVariable("id") String id) {
    return visible(id);
  }

  /** Merges the body's person into this one, recording who, when and why; 200 with the survivor. */
  @PostMapping("/{id}/merge")
  Person merge(@PathVariable("id") String id, @Valid @RequestBody MergeRequest body) {
    if (!access.mayMerge()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only senior practitioners and the compliance team merge persons.");
    }
    Person survivor = visible(id);
    try {
      return access.merge(survivor, body);
    } catch (PersonAccess.UnknownPersonException unknown) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.getMessage());
    }
  }

  private Person visible(String id) {
    return access.visible(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + id + ", or not visible to you."));
  }
}
