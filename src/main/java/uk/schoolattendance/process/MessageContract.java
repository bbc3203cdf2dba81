package uk.schoolattendance.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message a process receives: its name and the variables it carries. A correlation that carries
 * anything else is refused (docs/security.md).
 *
 * @param name the message name, e.g. {@code PenaltyNoticePaid}
 * @param carries the variables it may set
 */
public record MessageContract(String name, List<ProcessVariable<?>> carries) {

  public static MessageContract of(String name, ProcessVariable<?>... carries) {
    return new MessageContract(name, List.of(carries));
  }

  public Set<String> carriedNames() {
    return carries.stream().map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public String toString() {
    return name;
  }
}
