package uk.schoolattendance.process;

import java.time.LocalDate;

/**
 * A liable parent of a case (EA 1996 s576: anyone with parental responsibility or day-to-day
 * care), as the case's {@code parents} list holds it.
 *
 * @param id the person's id ({@code P-000123}) once the case has started; before, what the caller
 *     gave ({@code parent-1} when it gave none)
 * @param name as letters address them
 * @param address where notices are posted
 * @param dateOfBirth when the form gave it (optional): a person is matched on it
 * @param standing relationship to the child, parental responsibility, day-to-day care (each
 *     optional: {@link ParentStanding#NOT_RECORDED} for a case opened before they were asked)
 */
public record Parent(String id, String name, String address, LocalDate dateOfBirth, ParentStanding standing) {

  public Parent {
    standing = standing == null ? ParentStanding.NOT_RECORDED : standing;
  }

  public Parent(String id, String name, String address, LocalDate dateOfBirth) {
    this(id, name, address, dateOfBirth, ParentStanding.NOT_RECORDED);
  }

  public Parent(String id, String name, String address) {
    this(id, name, address, null);
  }

  /** The same parent under another id. */
  public Parent withId(String newId) {
    return new Parent(newId, name, address, dateOfBirth, standing);
  }

  /** The same parent with this relationship and responsibility. */
  public Parent withStanding(ParentStanding newStanding) {
    return new Parent(id, name, address, dateOfBirth, newStanding);
  }

  /** "Alex Parent (Mother; parental responsibility; day-to-day care)", or the name alone when nothing is recorded. */
  public String nameWithStanding() {
    return standing.notRecorded() ? name : name + " (" + standing.words() + ")";
  }
}
