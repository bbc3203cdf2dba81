package uk.schoolattendance.persons;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.security.CurrentUser;

/**
 * Liable parents as persons: {@code GET /api/persons/{id}} (a merged id answers with its
 * survivor) and {@code POST /api/persons/{id}/merge} (senior practitioners, the compliance team
 * and administrators: docs/security.md). A school reads only the parents its own pupils' cases
 * name; anyone else's person is "not found" to it.
 */
@RestController
@RequestMapping("/api/persons")
class PersonController {

  private final Persons persons;
  private final CurrentUser currentUser;

  PersonController(Persons persons, CurrentUser currentUser) {
    this.persons = persons;
    this.currentUser = currentUser;
  }

  @GetMapping("/{id}")
  Person get(@PathVariable("id") String id) {
    return visible(id);
  }

  /** Merges the body's person into this one, recording who, when and why; 200 with the survivor. */
  @PostMapping("/{id}/merge")
  @Transactional
  Person merge(@PathVariable("id") String id, @Valid @RequestBody MergeRequest body) {
    if (!currentUser.mayMergePersons()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only senior practitioners and the compliance team merge persons.");
    }
    Person survivor = visible(id);
    if (persons.survivor(body.otherPersonId()).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + body.otherPersonId() + ".");
    }
    if (persons.survivor(body.otherPersonId()).get().equals(survivor.personId())) {
      throw new InvalidInputException(
          MergeRequest.OTHER_PERSON_ID, body.otherPersonId() + " is already the same person as " + survivor.personId());
    }
    return persons.merge(survivor.personId(), body.otherPersonId(), currentUser.userId(), body.reason().trim());
  }

  private Person visible(String id) {
    return persons.find(id)
        .filter(person -> currentUser.readsEverySchool() || persons.namedByCaseOf(person.personId(), currentUser.schoolUrns()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + id + ", or not visible to you."));
  }
}
