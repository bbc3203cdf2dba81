package uk.schoolattendance.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** No register of marks: no certificate is generated, the evidence list asks the school for one (no invented data). */
@Component
public class NoEvidenceDocuments implements EvidenceDocuments {

  @Override
  public Optional<Document> registrationCertificate(String owner, String pupilUpn, LocalDate from, LocalDate to) {
    return Optional.empty();
  }

  @Override
  public List<Document> of(String owner) {
    return List.of();
  }
}
