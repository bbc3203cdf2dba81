package uk.schoolattendance.schools;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.InvalidInputException;

/** Looks up the schools the authority serves. Exposed to expressions as {@code schools}. */
@Component("schools")
public class SchoolDirectory {

  private static final Pattern URN = Pattern.compile("\\d{6}");

  private final Map<String, School> byUrn = new LinkedHashMap<>();

  public SchoolDirectory(SchoolsProperties properties) {
    for (School school : properties.schools()) {
      if (school.urn() == null || !URN.matcher(school.urn()).matches()) {
        throw new IllegalStateException(
            "attendance.schools: URN '" + school.urn() + "' is not 6 digits");
      }
      if (byUrn.put(school.urn(), school) != null) {
        throw new IllegalStateException("attendance.schools: URN " + school.urn() + " is listed twice");
      }
    }
  }

  public Optional<School> find(String urn) {
    return Optional.ofNullable(urn).map(byUrn::get);
  }

  public boolean isKnown(String urn) {
    return urn != null && byUrn.containsKey(urn);
  }

  /** The URN when the authority serves the school; refused as bad input naming the field otherwise. */
  public String requireServed(String field, String urn) {
    if (!isKnown(urn)) {
      throw new InvalidInputException(field, "no school with URN " + urn + " is served by this authority");
    }
    return urn;
  }

  /** The school with this URN; fails when the school is not known. */
  public School get(String urn) {
    return find(urn)
        .orElseThrow(() -> new IllegalArgumentException("schoolUrn: no school with URN " + urn));
  }

  public Collection<School> all() {
    return byUrn.values();
  }
}
