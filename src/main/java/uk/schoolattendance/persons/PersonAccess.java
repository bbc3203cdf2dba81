package uk.schoolattendance.persons;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.security.CurrentUser;

/**
 * Who reads and who merges persons, for the API ({@code /api/persons}) and the case file's person
 * page alike (docs/security.md, "Persons"): the local authority's staff read every person, a
 * school only the parents its own pupils' cases name; senior practitioners, the compliance team
 * and administrators merge.
 */
@Component
public class PersonAccess {

  private final Persons persons;
  private final CurrentUser currentUser;

  PersonAccess(Persons persons, CurrentUser currentUser) {
    this.persons = persons;
    this.currentUser = currentUser;
  }

  /** The person (the survivor, asked for by any of its ids) when the signed-in user may read it; empty otherwise. */
  public Optional<Person> visible(String id) {
    return persons.find(id)
        .filter(person -> currentUser.readsEverySchool() || persons.namedByCaseOf(person.personId(), currentUser.schoolUrns()));
  }

  /** Whether the signed-in user may merge two person records. */
  public boolean mayMerge() {
    return currentUser.mayMergePersons();
  }

  /**
   * Merges the other person into the survivor, recorded as the signed-in user's with the reason.
   * Checks the request first ({@link MergeRequest#check()}); the caller checks {@link #mayMerge()}.
   *
   * @throws InvalidInputException naming {@code otherPersonId} or {@code reason}: bad input, or the two are one already
   * @throws UnknownPersonException when the other id names nobody
   */
  @Transactional
  public Person merge(Person survivor, MergeRequest request) {
    other(survivor, request);
    return persons.merge(survivor.personId(), request.otherPersonId().trim(), currentUser.userId(), request.reason().trim());
  }

  /**
   * The other person of a merge, checked as {@link #merge} checks it but changing nothing: what
   * the check page shows beside the survivor before the merge is confirmed. Refused when the two
   * are clearly two people ({@link Persons#whyTwoPeople}).
   *
   * @throws InvalidInputException naming {@code otherPersonId} or {@code reason}
   * @throws UnknownPersonException when the other id names nobody
   */
  @Transactional(readOnly = true)
  public Person other(Person survivor, MergeRequest request) {
    request.check();
    String other = request.otherPersonId().trim();
    String otherSurvivor = persons.survivor(other).orElseThrow(() -> new UnknownPersonException(other));
    if (otherSurvivor.equals(survivor.personId())) {
      throw new InvalidInputException(
          MergeRequest.OTHER_PERSON_ID, other + " is already the same person as " + survivor.personId());
    }
    persons.whyTwoPeople(survivor.personId(), other).ifPresent(why -> {
      throw new InvalidInputException(MergeRequest.OTHER_PERSON_ID, why);
    });
    return persons.find(otherSurvivor).orElseThrow(() -> new UnknownPersonException(other));
  }

  /** A merge named a person id that names nobody. */
  public static class UnknownPersonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String personId;

    UnknownPersonException(String personId) {
      super("No person " + personId + ".");
      this.personId = personId;
    }

    public String personId() {
      return personId;
    }
  }
}
