package uk.schoolattendance.persons;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.schoolattendance.engine.EngineClock;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.SqlLists;

/**
 * The liable parents as persons ({@code person}, {@code person_merge}; issue #12 item 3). A parent
 * named by a form is matched on normalised name, address and date of birth ({@link PersonKey}):
 *
 * <ul>
 *   <li>with a date of birth, only a person with the same name, address and date of birth matches;
 *   <li>without one, only a person with the same name and address whose date of birth is not
 *       recorded either matches: a person known with a date of birth is never joined to a
 *       mention without one, a new person is made instead and an officer merges them if they
 *       are one.
 * </ul>
 *
 * A merge points the losing id (and every id merged into it before) at the survivor, so every id
 * ever given out keeps resolving. Runs inside the caller's transaction (the engine's), so a case
 * that fails to start leaves no person behind.
 */
@Repository
public class Persons {

  static final Pattern ID = Pattern.compile("P-\\d{6,}");
  private static final Pattern POSITION = Pattern.compile("parent-\\d+");

  private final JdbcTemplate jdbc;

  public Persons(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the id has the shape of a person id (it may still name nobody). */
  public static boolean looksLikePersonId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * The person named: the surviving person of {@code givenId} when it is a person's id, else the
   * person matched on name, address and date of birth, made when there is none.
   */
  public String resolve(String givenId, String name, String address, LocalDate dateOfBirth) {
    return resolve(new Named(givenId, name, address, dateOfBirth), this::matching);
  }

  /** A person as a case or a notice names them: the id given (a person's id, or any other) and what they are matched on. */
  public record Named(String givenId, String name, String address, LocalDate dateOfBirth) {
    String key() {
      return PersonKey.of(name, address, dateOfBirth);
    }
  }

  /**
   * {@link #resolve(String, String, String, LocalDate)} for several people named together (a
   * case's parents), in order: those not named by a person's id are looked up on their match keys
   * in one query rather than one each. A match key names at most one person ({@code
   * person_match_uk}), so the answer is the same; a person made for an earlier one of them is
   * found by the later one as before (the making re-reads under the counter's lock).
   */
  public List<String> resolveAll(List<Named> people) {
    List<String> keys =
        people.stream().filter(person -> !looksLikePersonId(person.givenId())).map(Named::key).distinct().toList();
    Map<String, String> matched = matchingAll(keys);
    List<String> ids = new ArrayList<>();
    Function<String, Optional<String>> lookedUp = key -> Optional.ofNullable(matched.get(key));
    for (Named person : people) {
      ids.add(resolve(person, looksLikePersonId(person.givenId()) ? this::matching : lookedUp));
    }
    return ids;
  }

  /**
   * As {@link #resolve(String, String, String, LocalDate)}; {@code match}: the first look-up of a
   * match key (the database, or what {@link #resolveAll} looked up together). A person is made only
   * after a second look-up under the counter's lock.
   */
  private String resolve(Named person, Function<String, Optional<String>> match) {
    Optional<String> named = survivor(person.givenId());
    if (named.isPresent()) {
      return named.get();
    }
    String key = person.key();
    Optional<String> matched = match.apply(key);
    if (matched.isPresent()) {
      return matched.get();
    }
    String name = person.name();
    String address = person.address();
    LocalDate dateOfBirth = person.dateOfBirth();
    long number = lockCounter();
    // another node may have made the same person while this one waited for the lock
    matched = matching(key);
    if (matched.isPresent()) {
      return matched.get();
    }
    jdbc.update("UPDATE person_counter SET last_number = ? WHERE counter_id = 1", number + 1);
    String id = String.format("P-%06d", number + 1);
    jdbc.update(
        "INSERT INTO person (person_id, name, address, date_of_birth, match_key, postcode, postcode_outward, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id, name.trim(), address.trim(), dateOfBirth == null ? null : Date.valueOf(dateOfBirth), key,
        AddressWords.postcode(address), AddressWords.outward(AddressWords.postcode(address)), now());
    return id;
  }

  /** The surviving person of an id: itself, or the person it was merged into; empty when it names nobody. */
  public Optional<String> survivor(String id) {
    if (!looksLikePersonId(id)) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT COALESCE(merged_into, person_id) FROM person WHERE person_id = ?", String.class, id)
        .stream()
        .findFirst();
  }

  /**
   * Whether {@code name} is a name the person {@code id} names was recorded under (its own record or
   * one merged into it), ignoring case and spaces: a form that takes a person's id and a name checks
   * they are the same person before filing anything under the id.
   */
  public boolean isNamed(String id, String name) {
    String wanted = sameName(name);
    return survivor(id)
        .map(survivor -> jdbc.queryForList(
            "SELECT name FROM person WHERE COALESCE(merged_into, person_id) = ?", String.class, survivor))
        .orElse(List.of())
        .stream()
        .anyMatch(recorded -> sameName(recorded).equals(wanted));
  }

  private static String sameName(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.UK);
  }

  /**
   * The child's parents on record: the persons (survivors of merges) named as a parent on any of the
   * child's cases or on a notice for the child, by name. What a form offers to pick from before a
   * parent's details are typed again.
   */
  public List<Person> parentsOfChild(String pupilUpn) {
    if (pupilUpn == null || pupilUpn.isBlank()) {
      return List.of();
    }
    List<String> ids = jdbc.queryForList(
        "SELECT DISTINCT COALESCE(pe.merged_into, pe.person_id) FROM person pe WHERE pe.person_id IN ("
            + " SELECT p.parent_id FROM cf_case_parent p JOIN cf_case c ON c.process_instance_id = p.process_instance_id"
            + " WHERE c.pupil_upn = ?"
            + " UNION SELECT n.person_id FROM pn_notice n WHERE n.pupil_upn = ? AND n.person_id IS NOT NULL)",
        String.class, pupilUpn.strip(), pupilUpn.strip());
    return ids.stream().map(this::load)
        .sorted(java.util.Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::personId))
        .toList();
  }

  /** The person with its merged ids and merges, asked for by any of its ids. */
  public Optional<Person> find(String id) {
    return survivor(id).map(this::load);
  }

  /**
   * Merges {@code otherId} into {@code survivorId} (both resolved to their survivors first):
   * recorded with who, when and why. Returns the survivor. Refused when they are already one.
   */
  public Person merge(String survivorId, String otherId, String mergedBy, String reason) {
    lockCounter();
    String survivor = survivor(survivorId).orElseThrow();
    String loser = survivor(otherId).orElseThrow();
    if (survivor.equals(loser)) {
      throw new InvalidInputException(MergeRequest.OTHER_PERSON_ID, otherId + " is already merged into " + survivor);
    }
    Timestamp now = now();
    jdbc.update(
        "UPDATE person SET merged_into = ?, merged_at = ? WHERE person_id = ? OR merged_into = ?",
        survivor, now, loser, loser);
    jdbc.update(
        "INSERT INTO person_merge (merged_id, survivor_id, merged_by, merged_at, reason) VALUES (?, ?, ?, ?, ?)",
        loser, survivor, mergedBy, now, reason);
    return load(survivor);
  }

  /**
   * Why two person records are clearly two people, or empty when nothing on record says so (walk
   * 12, defect 21): both are parents on one case (two parents of one child are two people), both
   * were given a penalty notice for the same child and offence period (one notice round goes to
   * each liable parent once; a withdrawn notice does not count: a notice withdrawn for a wrong
   * name and sent again to a corrected record is the duplicate a merge fixes), or both have a
   * recorded date of birth and no date is common to both. Each id is resolved to its group first,
   * so an id merged into either counts, for every check.
   */
  public Optional<String> whyTwoPeople(String firstId, String secondId) {
    String first = survivor(firstId).orElseThrow();
    String second = survivor(secondId).orElseThrow();
    List<String> sharedCases = jdbc.queryForList(
        "SELECT DISTINCT c.case_reference FROM cf_case_parent a"
            + " JOIN cf_case_parent b ON b.process_instance_id = a.process_instance_id"
            + " JOIN cf_case c ON c.process_instance_id = a.process_instance_id"
            + " WHERE a.parent_id" + IN_GROUP + " AND b.parent_id" + IN_GROUP + " ORDER BY c.case_reference",
        String.class, first, second);
    if (!sharedCases.isEmpty()) {
      return Optional.of(first + " and " + secondId + " are both parents on case " + String.join(", ", sharedCases)
          + ": two parents of one child are two people");
    }
    List<String> round = jdbc.query(
        "SELECT a.notice_number, b.notice_number FROM pn_notice a JOIN pn_notice b"
            + " ON b.pupil_upn = a.pupil_upn AND b.offence_from = a.offence_from AND b.offence_to = a.offence_to"
            + " WHERE a.person_id" + IN_GROUP + " AND b.person_id" + IN_GROUP
            + " AND a.notice_number <> b.notice_number AND " + STILL_SENT_TO_A_PERSON.apply("a")
            + " AND " + STILL_SENT_TO_A_PERSON.apply("b")
            + " ORDER BY a.notice_number, b.notice_number",
        (row, n) -> row.getString(1) + " and " + row.getString(2), first, second);
    if (!round.isEmpty()) {
      return Optional.of(first + " and " + secondId + " were each given a penalty notice for the same child and period ("
          + round.get(0) + "): one round of notices goes to each parent once, so they are two people");
    }
    List<Date> firstBorn = jdbc.queryForList(
        "SELECT DISTINCT date_of_birth FROM person WHERE person_id" + IN_GROUP + " AND date_of_birth IS NOT NULL",
        Date.class, first);
    List<Date> secondBorn = jdbc.queryForList(
        "SELECT DISTINCT date_of_birth FROM person WHERE person_id" + IN_GROUP + " AND date_of_birth IS NOT NULL",
        Date.class, second);
    if (!firstBorn.isEmpty() && !secondBorn.isEmpty() && java.util.Collections.disjoint(firstBorn, secondBorn)) {
      return Optional.of(first + " and " + secondId + " have different dates of birth");
    }
    return Optional.empty();
  }

  /**
   * The SQL condition "the notice of this alias went to a real person": live, or withdrawn on a ground other
   * than an error about its recipient. A notice withdrawn as not prosecuted still went to that person.
   */
  private static final Function<String, String> STILL_SENT_TO_A_PERSON = alias -> "(" + alias + ".status <> 'withdrawn'"
      + " OR COALESCE(" + alias + ".withdrawal_ground, '') NOT IN ("
      + String.join(", ", PenaltyNotice.RECIPIENT_ERROR_GROUNDS.stream().map(g -> "'" + g + "'").toList()) + "))";

  /** The SQL condition "this column names a person of the group of ?" and its one argument. */
  public static final String IN_GROUP =" IN (SELECT person_id FROM person WHERE COALESCE(merged_into, person_id) = ?)";

  /** Whether any case of these schools names this person (or an id merged into it) as a parent. */
  public boolean namedByCaseOf(String survivorId, java.util.Collection<String> schoolUrns) {
    if (schoolUrns.isEmpty()) {
      return false;
    }
    List<Object> args = new ArrayList<>();
    args.add(survivorId);
    args.addAll(schoolUrns);
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cf_case_parent p JOIN cf_case c ON c.process_instance_id = p.process_instance_id"
                + " WHERE p.parent_id" + IN_GROUP + " AND c.school_urn" + in(schoolUrns.size()),
            Integer.class, args.toArray());
    return count != null && count > 0;
  }

  /**
   * Whether the id is a case's position id ({@code parent-1}, {@code parent-2}): what a case
   * opened before persons existed calls its parents. Such a parent is matched on name and address.
   */
  public static boolean isPositionId(String id) {
    return id != null && POSITION.matcher(id).matches();
  }

  /** The person of this name, address and date of birth, if any (nothing is made). */
  public Optional<String> match(String name, String address, LocalDate dateOfBirth) {
    return matching(PersonKey.of(name, address, dateOfBirth));
  }

  /** The surviving person of each match key that names one (a key names at most one person). */
  private Map<String, String> matchingAll(List<String> keys) {
    Map<String, String> matched = new HashMap<>();
    if (keys.isEmpty()) {
      return matched;
    }
    jdbc.query(
        "SELECT match_key, COALESCE(merged_into, person_id) FROM person WHERE match_key" + in(keys.size()),
        row -> {
          matched.put(row.getString(1), row.getString(2));
        },
        keys.toArray());
    return matched;
  }

  /** {@code " IN (?, ?)"} with {@code n} parameters. */
  private static String in(int n) {
    return " IN (" + SqlLists.placeholders(n) + ")";
  }

  private Optional<String> matching(String key) {
    return jdbc.queryForList("SELECT COALESCE(merged_into, person_id) FROM person WHERE match_key = ?", String.class, key)
        .stream()
        .findFirst();
  }

  private long lockCounter() {
    Long last =
        jdbc.queryForObject("SELECT last_number FROM person_counter WHERE counter_id = 1 FOR UPDATE", Long.class);
    return last == null ? 0 : last;
  }

  private Person load(String survivor) {
    return jdbc.queryForObject(
        "SELECT person_id, name, address, date_of_birth, created_at FROM person WHERE person_id = ?",
        (rs, row) -> {
          Date born = rs.getDate("date_of_birth");
          return new Person(
              rs.getString("person_id"),
              rs.getString("name"),
              rs.getString("address"),
              born == null ? null : born.toLocalDate(),
              rs.getTimestamp("created_at").toInstant(),
              jdbc.queryForList(
                  "SELECT person_id FROM person WHERE merged_into = ? ORDER BY person_id", String.class, survivor),
              jdbc.query(
                  "SELECT merged_id, survivor_id, merged_by, merged_at, reason FROM person_merge WHERE merged_id IN"
                      + " (SELECT person_id FROM person WHERE merged_into = ?) ORDER BY merged_at, merged_id",
                  (m, n) -> new Person.Merge(
                      m.getString("merged_id"), m.getString("survivor_id"), m.getString("merged_by"),
                      m.getTimestamp("merged_at").toInstant(), m.getString("reason")),
                  survivor));
        },
        survivor);
  }

  private static Timestamp now() {
    return new Timestamp(EngineClock.now().getTime());
  }
}
