package uk.schoolattendance.persons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A liable parent as a person that outlives a case: the surviving record and the ids merged into
 * it ({@code GET /api/persons/{id}}). Asked for by a merged id, the survivor answers.
 *
 * @param personId the surviving person's id ({@code P-000123})
 * @param name as first recorded
 * @param address as first recorded
 * @param dateOfBirth when a form gave it
 * @param mergedIds the ids merged into this person, each still resolving to it
 * @param merges who merged which id into it, when and why
 */
public record Person(
    String personId,
    String name,
    String address,
    LocalDate dateOfBirth,
    Instant createdAt,
    List<String> mergedIds,
    List<Merge> merges) {

  /** One merge an officer made. */
  public record Merge(String mergedId, String survivorId, String mergedBy, Instant mergedAt, String reason) {}
}
