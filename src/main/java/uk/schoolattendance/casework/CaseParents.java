package uk.schoolattendance.casework;

import static uk.schoolattendance.casework.AttendanceCase.PARENTS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.ProcessVariable;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.ParentRelationships;
import uk.schoolattendance.process.ParentStanding;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.persons.Persons;

/**
 * The liable parents of a new case (contract: {@code parents}). Clients send the Json array;
 * Tasklist's start form submits parent 1 and an optional parent 2 as separate fields
 * ({@code parent1Name}, {@code parent1Address}, {@code parent2Name}, {@code parent2Address}, and optionally
 * {@code parentNRelationship}, {@code parentNParentalResponsibility}, {@code parentNDayToDayCare}),
 * which become {@code parents} here and are removed. Either way {@link Parents} reads and checks
 * them, each parent becomes a person ({@link Persons#resolve}: the person id the caller gave, or
 * the person matched on name, address and date of birth, or a new one), and the case stores them
 * with their person ids as a Json variable (issue #12 item 3). Two entries naming one person are
 * refused.
 */
final class CaseParents {

  private static final List<List<ProcessVariable<String>>> FORM_FIELDS =
      List.of(
          List.of(AttendanceCase.PARENT_1_NAME, AttendanceCase.PARENT_1_ADDRESS, AttendanceCase.PARENT_1_RELATIONSHIP,
              AttendanceCase.PARENT_1_PARENTAL_RESPONSIBILITY, AttendanceCase.PARENT_1_DAY_TO_DAY_CARE),
          List.of(AttendanceCase.PARENT_2_NAME, AttendanceCase.PARENT_2_ADDRESS, AttendanceCase.PARENT_2_RELATIONSHIP,
              AttendanceCase.PARENT_2_PARENTAL_RESPONSIBILITY, AttendanceCase.PARENT_2_DAY_TO_DAY_CARE));

  private CaseParents() {}

  /** Reads and checks the parents (the form's fields or the Json array) and stores them as the Json array. */
  static List<Parent> normalise(VariableScope scope, ParentRelationships allowed, java.time.ZoneId zone) {
    List<Parent> parents = PARENTS.raw(scope) == null
        ? fromFormFields(scope, allowed)
        : Parents.given(PARENTS.name(), PARENTS.raw(scope), List.of(), allowed, zone);
    PARENTS.set(scope, Parents.json(parents));
    for (List<ProcessVariable<String>> fields : FORM_FIELDS) {
      fields.forEach(field -> field.remove(scope));
    }
    return parents;
  }

  /**
   * Makes each of the case's parents a person and stores their person ids; done once the start
   * has passed its other checks (one open case per pupil), so a refused start makes no person.
   */
  static List<Parent> becomePersons(VariableScope scope, Persons persons, java.time.ZoneId zone) {
    List<Parent> parents = asPersons(PARENTS.name(), Parents.parse(PARENTS.name(), PARENTS.raw(scope), zone), persons);
    PARENTS.set(scope, Parents.json(parents));
    return parents;
  }

  /**
   * The parents with their person ids ({@link Persons#resolveAll}: the person id given, the person
   * matched on name, address and date of birth, or a new one), in order; two naming one person are
   * refused under {@code field[i]}. The one way a case's parents become persons: at the start, and
   * when a correction or an added parent changes the list.
   */
  static List<Parent> asPersons(String field, List<Parent> given, Persons persons) {
    List<String> ids = persons.resolveAll(given.stream()
        .map(parent -> new Persons.Named(parent.id(), parent.name(), parent.address(), parent.dateOfBirth())).toList());
    List<Parent> parents = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Parent person = given.get(i).withId(ids.get(i));
      for (int j = 0; j < parents.size(); j++) {
        if (parents.get(j).id().equals(person.id())) {
          throw new InvalidInputException(
              field + "[" + i + "]", "names the same person (" + person.id() + ") as " + field + "[" + j + "]");
        }
      }
      parents.add(person);
    }
    return parents;
  }

  private static List<Parent> fromFormFields(VariableScope scope, ParentRelationships allowed) {
    List<Parent> parents = new ArrayList<>();
    for (int n = 1; n <= FORM_FIELDS.size(); n++) {
      ProcessVariable<String> name = FORM_FIELDS.get(n - 1).get(0);
      ProcessVariable<String> address = FORM_FIELDS.get(n - 1).get(1);
      String givenName = Inputs.text(name.name(), name.raw(scope), Parents.MAX_NAME);
      String givenAddress = Inputs.text(address.name(), address.raw(scope), Parents.MAX_ADDRESS);
      ProcessVariable<String> relationship = FORM_FIELDS.get(n - 1).get(2);
      ProcessVariable<String> responsibility = FORM_FIELDS.get(n - 1).get(3);
      ProcessVariable<String> care = FORM_FIELDS.get(n - 1).get(4);
      ParentStanding standing = new ParentStanding(
          allowed.checked(relationship.name(), relationship.raw(scope)),
          Inputs.yesNo(responsibility.name(), responsibility.raw(scope)),
          Inputs.yesNo(care.name(), care.raw(scope)));
      if (givenName == null && givenAddress == null) {
        if (!standing.notRecorded()) {
          // never dropped silently: what was given about this parent needs the parent
          throw new InvalidInputException(name.name(),
              "is required when their relationship, parental responsibility or day-to-day care is given");
        }
        continue;
      }
      if (givenName == null) {
        throw new InvalidInputException(name.name(), "is required");
      }
      if (givenAddress == null) {
        throw new InvalidInputException(address.name(), "is required: a penalty notice is posted to it");
      }
      parents.add(new Parent("parent-" + n, givenName, givenAddress).withStanding(standing));
    }
    if (parents.isEmpty()) {
      throw new InvalidInputException(PARENTS.name(), "at least one parent is required");
    }
    return parents;
  }
}
