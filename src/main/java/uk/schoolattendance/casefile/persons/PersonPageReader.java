package uk.schoolattendance.casefile.persons;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.VisibleCases;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.persons.Person;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.security.CurrentUser;

/**
 * What the person page shows: the person and its merges, the cases naming it (or an id merged
 * into it) that the engine lets the viewer read ({@link VisibleCases}, as the case pages decide),
 * and the penalty notices to it of the schools the viewer may read the register of
 * ({@link CurrentUser#mayRead(String)}, as the register's API decides).
 */
@Component
class PersonPageReader {

  static final int MAX_ROWS = 200;

  private final JdbcTemplate jdbc;
  private final VisibleCases visibleCases;
  private final CurrentUser currentUser;
  private final UkDates dates;
  private final PeopleNames people;

  PersonPageReader(JdbcTemplate jdbc, VisibleCases visibleCases, CurrentUser currentUser, UkDates dates, PeopleNames people) {
    this.jdbc = jdbc;
    this.visibleCases = visibleCases;
    this.currentUser = currentUser;
    this.dates = dates;
    this.people = people;
  }

  PersonPage page(Person person, Viewer viewer, boolean mayMerge, PersonPage.MergeForm form, List<FieldError> errors,
      String done) {
    return new PersonPage(
        (errors.isEmpty() ? "" : "Error: ") + person.name(), person.personId(), person.name(), person.address(),
        person.dateOfBirth() == null ? "Not recorded" : dates.day(person.dateOfBirth()), person.mergedIds(),
        person.merges().stream()
            .map(merge -> new PersonPage.MergeView(
                merge.mergedId(), people.of(merge.mergedBy()), dates.day(merge.mergedAt()), merge.reason()))
            .toList(),
        cases(person.personId()), notices(person.personId(), viewer), mayMerge, form, errors, done);
  }

  private List<PersonPage.CaseLink> cases(String personId) {
    Map<String, PersonPage.CaseLink> byCase = new LinkedHashMap<>();
    jdbc.query(
        "SELECT DISTINCT c.process_instance_id, c.case_reference, c.pupil_name, c.opened_at FROM cf_case c"
            + " JOIN cf_case_parent p ON p.process_instance_id = c.process_instance_id"
            + " WHERE p.parent_id" + Persons.IN_GROUP + " ORDER BY c.opened_at DESC, c.case_reference",
        rs -> {
          byCase.put(rs.getString("process_instance_id"), new PersonPage.CaseLink(
              rs.getString("case_reference"), rs.getString("pupil_name"), CaseSummaries.href(rs.getString("case_reference"))));
        },
        personId);
    List<PersonPage.CaseLink> visible = new ArrayList<>();
    for (String caseId : visibleCases.filter(new ArrayList<>(byCase.keySet()))) {
      visible.add(byCase.get(caseId));
    }
    return visible.size() > MAX_ROWS ? visible.subList(0, MAX_ROWS) : visible;
  }

  private List<PersonPage.NoticeRow> notices(String personId, Viewer viewer) {
    List<PersonPage.NoticeRow> rows = new ArrayList<>();
    jdbc.query(
        "SELECT notice_number, pupil_name, school_urn, status, COALESCE(issued_on, prepared_on) AS issued"
            + " FROM pn_notice WHERE person_id" + Persons.IN_GROUP + " ORDER BY issued DESC, notice_number DESC",
        rs -> {
          if (rows.size() < MAX_ROWS && currentUser.mayRead(rs.getString("school_urn"))) {
            Date issued = rs.getDate("issued");
            String number = rs.getString("notice_number");
            rows.add(new PersonPage.NoticeRow(
                number, rs.getString("pupil_name"), issued == null ? "" : dates.day(issued.toLocalDate()),
                Wording.sentence(rs.getString("status")),
                viewer.keepsRegister() ? "/casework/register/" + number : null));
          }
        },
        personId);
    return rows;
  }
}
