package uk.schoolattendance.casework;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Who gets a school's tasks ({@code caseAssignment} in candidate expressions): the school's own
 * group {@code school-{urn}}, or, when the school buys the LA's traded service, its named
 * officer instead (domain notes §1).
 */
@Component("caseAssignment")
public class CaseAssignment {

  private final SchoolDirectory schools;

  public CaseAssignment(SchoolDirectory schools) {
    this.schools = schools;
  }

  /** Candidate groups of a school task: the school's group unless it buys the traded service. */
  public List<String> schoolGroups(String schoolUrn) {
    School school = schools.get(schoolUrn);
    return school.buysTradedService() ? List.of() : List.of(school.group());
  }

  /** Candidate users of a school task: the named officer when the school buys the traded service. */
  public List<String> schoolUsers(String schoolUrn) {
    School school = schools.get(schoolUrn);
    return school.buysTradedService() && school.namedOfficer() != null
        ? List.of(school.namedOfficer())
        : List.of();
  }

  /** The school's named officer (Targeting Support Meetings). */
  public List<String> namedOfficer(String schoolUrn) {
    School school = schools.get(schoolUrn);
    return school.namedOfficer() == null ? List.of() : List.of(school.namedOfficer());
  }
}
