package uk.schoolattendance.attendance;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registration (attendance) certificate, {@code attendance.certificate} (docs/register.md):
 * who signs it and what each code means, with the national wording in application.yaml.
 *
 * @param signatory who signs the certificate for the school (Education Act 1996 s566: the head
 *     teacher, or a person the head teacher has authorised)
 * @param statement the certifying sentence above the signature
 * @param codeMeanings each statutory code's meaning as the certificate prints it (2024 set, and
 *     the 2006 codes older marks may hold)
 * @param maxDays the longest period one certificate covers, in calendar days
 */
@ConfigurationProperties("attendance.certificate")
public record CertificateProperties(
    @DefaultValue("Head teacher, or a person authorised by the head teacher") String signatory,
    @DefaultValue("I certify that this is a true extract of the attendance register kept by the school.")
        String statement,
    Map<String, String> codeMeanings,
    @DefaultValue("400") int maxDays) {

  public CertificateProperties {
    codeMeanings = codeMeanings == null ? Map.of() : Map.copyOf(codeMeanings);
  }

  /** What the code means, or a plain fallback for a code with no configured wording. */
  public String meaning(String code) {
    return codeMeanings.getOrDefault(code, "code " + code);
  }
}
