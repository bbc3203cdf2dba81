package uk.schoolattendance.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user task of a process: its task definition key and the variables its completion may set
 * (its form's fields, the contract's "Decisions taken in user tasks"). A completion that sets
 * anything else is refused (docs/security.md).
 *
 * @param id the task definition key, e.g. {@code Task_HoldAttendanceMeeting}
 * @param owns the variables the task's completion sets
 * @param sentWhenOnForm the variables a completion must send when the task's form has their field
 */
public record UserTaskContract(String id, List<ProcessVariable<?>> owns, List<ProcessVariable<?>> sentWhenOnForm) {

  public static UserTaskContract of(String id, ProcessVariable<?>... owns) {
    return new UserTaskContract(id, List.of(owns), List.of());
  }

  /**
   * The same task, whose completion must send these variables when the task's form has a field for
   * them (a read-only value the form shows and sends back, such as the version of a list it showed):
   * a completion that leaves one out is refused naming it, whatever the way in.
   */
  public UserTaskContract sentWhenOnForm(ProcessVariable<?>... variables) {
    return new UserTaskContract(id, owns, List.of(variables));
  }

  /** The names of the variables this task owns. */
  public Set<String> ownedNames() {
    return owns.stream().map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());
  }

  public boolean owns(String variableName) {
    return ownedNames().contains(variableName);
  }

  @Override
  public String toString() {
    return id;
  }
}
