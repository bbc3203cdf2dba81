package uk.schoolattendance.process;

import java.util.List;
import java.util.Optional;

/**
 * The public contract of one process (shared/domain/contract.md), one class per process in the
 * process's package: its key, its messages, its user tasks with the variables each owns, and
 * (as constants of the class) every variable with its type and the ids of its activities. Code
 * and tests name processes, tasks, messages and variables only through these classes.
 */
public interface ProcessContract {

  /** The process definition key, e.g. {@code AttendanceCase}. */
  String key();

  /** Every user task, with the variables its completion may set; none unless the contract lists them. */
  default List<UserTaskContract> userTasks() {
    return List.of();
  }

  /** Every message the process receives, with the variables it carries; none unless the contract lists them. */
  default List<MessageContract> messages() {
    return List.of();
  }

  default Optional<UserTaskContract> userTask(String taskDefinitionKey) {
    return userTasks().stream().filter(task -> task.id().equals(taskDefinitionKey)).findFirst();
  }

  default Optional<MessageContract> message(String messageName) {
    return messages().stream().filter(message -> message.name().equals(messageName)).findFirst();
  }
}
