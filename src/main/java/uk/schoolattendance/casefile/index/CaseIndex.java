package uk.schoolattendance.casefile.index;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.process.SqlLists;

/**
 * Reads the case file's search table: cases found by a search, by school or by officer, and the
 * rows of a page of cases with their open tasks, timers and parents, each kind in one query
 * whatever the number of cases (no query per case). It finds candidates only: what a viewer may
 * see is the engine's decision, asked afterwards ({@code uk.schoolattendance.casefile.VisibleCases}).
 */
@Component
public class CaseIndex {

  /** Ids per {@code IN (...)} list. */
  static final int CHUNK = 500;

  private final JdbcTemplate jdbc;

  CaseIndex(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ finding cases

  /** The case with this reference (the newest, should an old one share it). */
  public Optional<String> caseIdOf(String caseReference) {
    return jdbc.query(
            "SELECT process_instance_id FROM cf_case WHERE case_reference = ? ORDER BY opened_at DESC",
            (rs, n) -> rs.getString(1), caseReference)
        .stream().findFirst();
  }

  /** Cases of pupils whose names (or whose parents' names) have words starting with each of these. */
  public List<String> byNameWords(List<String> prefixes, int limit) {
    if (prefixes.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    for (String prefix : prefixes) {
      sql.append(" AND c.process_instance_id IN (SELECT w.process_instance_id FROM cf_case_word w WHERE w.word LIKE ?"
          + NOT_AN_ADDRESS.apply("w") + ")");
      args.add(prefix + "%");
    }
    return ordered(sql, args, limit);
  }

  /**
   * Cases whose names (or parents' names) have, for each typed word, a word starting with it or
   * one edit from it ({@link NameWords#near}): "lilly harris" finds Lily Harris, "ahmad" Mia
   * Ahmed. Each word is still one look-up on the words' index (its prefix, and its near words as
   * an {@code IN} list), so the query costs what the exact one does, a few hundred index probes
   * more. Empty when no typed word is long enough to be forgiven (the exact search is the same).
   */
  public List<String> byNameWordsNear(List<String> words, int limit) {
    if (words.stream().allMatch(word -> NameWords.near(word).isEmpty())) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    for (String word : words) {
      List<String> near = new ArrayList<>(NameWords.near(word));
      sql.append(" AND c.process_instance_id IN (SELECT w.process_instance_id FROM cf_case_word w WHERE w.word LIKE ?"
          + NOT_AN_ADDRESS.apply("w"));
      args.add(word + "%");
      if (!near.isEmpty()) {
        // a union, not an OR: each side keeps to the index on word (a prefix range, then equal look-ups)
        sql.append(" UNION ALL SELECT n.process_instance_id FROM cf_case_word n WHERE n.word IN (")
            .append(SqlLists.placeholders(near.size())).append(")").append(NOT_AN_ADDRESS.apply("n"));
        args.addAll(near);
      }
      sql.append(")");
    }
    return ordered(sql, args, limit);
  }

  /** The source of a case's words that are the words of its parents' addresses (not their postcodes: {@code person.postcode}). */
  public static final String ADDRESS_WORDS = "a";

  /** The SQL condition "this word row is not an address's word": a name search never matches a street. */
  private static final java.util.function.Function<String, String> NOT_AN_ADDRESS =
      alias -> " AND " + alias + ".source <> '" + ADDRESS_WORDS + "'";

  /**
   * Cases with a parent who lives at this postcode ({@code SS19ZX}, or null for any) and whose
   * address has every one of these words ({@link uk.schoolattendance.persons.AddressWords}): the
   * postcode through the parent's person ({@code person.postcode}), the words through the case's
   * address words. Each is one look-up on an index; the longest word (the rarest, not a house
   * number) is looked up first.
   */
  public List<String> byParentAddress(String postcode, List<String> words, int limit) {
    if (postcode == null && words.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (postcode != null) {
      sql.append(" AND c.process_instance_id IN (SELECT p.process_instance_id FROM person s"
          + " JOIN cf_case_parent p ON p.parent_id = s.person_id WHERE s.postcode = ?)");
      args.add(postcode);
    }
    List<String> rarestFirst = new ArrayList<>(new LinkedHashSet<>(words));
    rarestFirst.sort(java.util.Comparator.comparingInt(String::length).reversed());
    for (String word : rarestFirst) {
      sql.append(" AND c.process_instance_id IN (SELECT w.process_instance_id FROM cf_case_word w"
          + " WHERE w.word = ? AND w.source = '" + ADDRESS_WORDS + "')");
      args.add(word);
    }
    return ordered(sql, args, limit);
  }

  /**
   * Cases with a parent who lives in this postcode district ({@code SS1}: SS1 9ZX and SS1 2QQ, not
   * SS14 1AB): one equal look-up on {@code person_postcode_outward_ix} (V575), then the parent's cases.
   */
  public List<String> byParentOutwardCode(String outward, int limit) {
    return ordered(new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE c.process_instance_id IN ("
        + CASES_OF_PARENTS_IN_OUTWARD_CODE + ")"), List.of(outward), limit);
  }

  /** The cases of the parents whose postcode has this outward code: the look-up {@code person_postcode_outward_ix} serves. */
  static final String CASES_OF_PARENTS_IN_OUTWARD_CODE = "SELECT p.process_instance_id FROM person s"
      + " JOIN cf_case_parent p ON p.parent_id = s.person_id WHERE s.postcode_outward = ?";

  /**
   * A parent row of the search table with the address of its person: what an address or postcode
   * search matched ({@link #byParentAddress}, {@link #byParentOutwardCode}), as the row has it
   * ({@code relationship} the recorded code, e.g. {@code mother}; null when not recorded).
   */
  public record ParentAddress(String caseId, String parentId, String name, String relationship, String address) {}

  /**
   * The parent rows of these cases, each with its person's address, in one statement a chunk: the
   * rows the address searches join ({@code cf_case_parent} to {@code person}), so a page can say which
   * of them a search matched without reading the cases' parents again.
   */
  public List<ParentAddress> parentAddresses(List<String> caseIds) {
    List<ParentAddress> found = new ArrayList<>();
    for (List<String> chunk : chunks(caseIds)) {
      found.addAll(jdbc.query(
          "SELECT p.process_instance_id, p.parent_id, p.parent_name, p.relationship, s.address FROM cf_case_parent p"
              + " JOIN person s ON s.person_id = p.parent_id"
              + " WHERE p.process_instance_id IN (" + SqlLists.placeholders(chunk.size()) + ") ORDER BY p.parent_id",
          (rs, n) -> new ParentAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
          chunk.toArray()));
    }
    return found;
  }

  /** The case with this reference, as typed in any case or short ("ac-2026-14" for AC-2026-000014). */
  public List<String> byReference(String caseReference, int limit) {
    List<String> forms = new ArrayList<>(new LinkedHashSet<>(List.of(caseReference, CaseReferenceText.full(caseReference))));
    return ordered(new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE c.case_reference IN (")
        .append(SqlLists.placeholders(forms.size())).append(")"), new ArrayList<>(forms), limit);
  }

  public List<String> byUpn(String upn, int limit) {
    return ordered(new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE c.pupil_upn = ?"), List.of(upn), limit);
  }

  /** One of a pupil's cases, for the links between a pupil's earlier and later cases. */
  public record PupilCase(String caseId, String caseReference, Instant openedAt, Instant closedAt) {}

  /** The pupil's cases, oldest first, in one statement. */
  public List<PupilCase> casesOfPupil(String upn, int limit) {
    return jdbc.query(
        "SELECT process_instance_id, case_reference, opened_at, closed_at FROM cf_case WHERE pupil_upn = ?"
            + " ORDER BY opened_at, process_instance_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
        (rs, n) -> new PupilCase(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)), upn);
  }

  public List<String> byDateOfBirth(LocalDate born, int limit) {
    return ordered(new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE c.pupil_date_of_birth = ?"),
        List.of(java.sql.Date.valueOf(born)), limit);
  }

  /** Cases of pupils at these schools, open ones only when {@code openOnly}. */
  public List<String> bySchools(Collection<String> urns, boolean openOnly, int limit) {
    if (urns.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE c.school_urn IN (")
        .append(SqlLists.placeholders(urns.size())).append(")");
    if (openOnly) {
      sql.append(" AND c.closed_at IS NULL");
    }
    return ordered(sql, new ArrayList<>(urns), limit);
  }

  /**
   * An officer's open cases: those of the schools whose named officer they are (unless a senior
   * practitioner gave the case to another officer), those given to them, and those with an open
   * task assigned to them or offered to them by name.
   */
  public List<String> caseload(String userId, Collection<String> namedOfficerOf, int limit) {
    StringBuilder sql = new StringBuilder("SELECT c.process_instance_id FROM cf_case c WHERE c.closed_at IS NULL AND (");
    List<Object> args = new ArrayList<>();
    if (!namedOfficerOf.isEmpty()) {
      // the named officer's schools, except the cases a senior practitioner gave another officer
      sql.append("(c.school_urn IN (").append(SqlLists.placeholders(namedOfficerOf.size())).append(") AND c.case_officer IS NULL) OR ");
      args.addAll(namedOfficerOf);
    }
    sql.append("c.case_officer = ? OR ");
    args.add(userId);
    sql.append("c.process_instance_id IN (SELECT t.process_instance_id FROM cf_case_task t WHERE t.assignee = ?)")
        .append(" OR c.process_instance_id IN (SELECT k.process_instance_id FROM cf_case_task_candidate k")
        .append(" WHERE k.kind = 'u' AND k.candidate = ?))");
    args.add(userId);
    args.add(userId);
    return ordered(sql, args, limit);
  }

  /** The other cases of each case's family (a liable parent in common), by case. */
  public Map<String, Set<String>> siblings(Collection<String> caseIds) {
    Map<String, Set<String>> siblings = new HashMap<>();
    for (List<String> chunk : chunks(caseIds)) {
      jdbc.query(
          "SELECT DISTINCT p.process_instance_id, o.process_instance_id FROM cf_case_parent p"
              + " JOIN cf_case_parent o ON o.family_key = p.family_key AND o.process_instance_id <> p.process_instance_id"
              + " WHERE p.family_key IS NOT NULL AND p.process_instance_id IN (" + SqlLists.placeholders(chunk.size()) + ")",
          rs -> {
            siblings.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
          },
          chunk.toArray());
    }
    return siblings;
  }

  // ------------------------------------------------------------------ the rows of a page

  /** The rows of these cases, in the order given, with their tasks, timers and parents. */
  public List<CaseRow> rows(List<String> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    Map<String, List<CaseRow.OpenTask>> tasks = tasks(caseIds);
    Map<String, List<CaseRow.WaitingTimer>> timers = timers(caseIds);
    Map<String, List<CaseRow.ParentRow>> parents = parents(caseIds);
    Map<String, CaseRow> rows = new HashMap<>();
    for (List<String> chunk : chunks(caseIds)) {
      jdbc.query(
          "SELECT process_instance_id, case_reference, pupil_upn, pupil_name, pupil_date_of_birth, school_urn, level_no,"
              + " stage, attendance_percent, case_outcome, closure_reason, opened_at, closed_at, case_officer"
              + " FROM cf_case WHERE process_instance_id IN (" + SqlLists.placeholders(chunk.size()) + ")",
          rs -> {
            String id = rs.getString(1);
            rows.put(id, new CaseRow(
                id, rs.getString(2), rs.getString(3), rs.getString(4), day(rs, 5), rs.getString(6),
                (Integer) rs.getObject(7, Integer.class), rs.getString(8), (Double) rs.getObject(9, Double.class),
                rs.getString(10), rs.getString(11), instant(rs, 12), instant(rs, 13),
                tasks.getOrDefault(id, List.of()), timers.getOrDefault(id, List.of()), parents.getOrDefault(id, List.of()),
                rs.getString(14)));
          },
          chunk.toArray());
    }
    List<CaseRow> ordered = new ArrayList<>();
    caseIds.forEach(id -> Optional.ofNullable(rows.get(id)).ifPresent(ordered::add));
    return ordered;
  }

  private Map<String, List<CaseRow.OpenTask>> tasks(List<String> caseIds) {
    Map<String, Map<String, String[]>> fields = new LinkedHashMap<>();
    Map<String, Timestamp> due = new HashMap<>();
    Map<String, List<String>> users = new HashMap<>();
    Map<String, List<String>> groups = new HashMap<>();
    Map<String, String> caseOf = new HashMap<>();
    for (List<String> chunk : chunks(caseIds)) {
      jdbc.query(
          "SELECT t.task_id, t.process_instance_id, t.task_name, t.task_key, t.assignee, t.due_at, k.kind, k.candidate"
              + " FROM cf_case_task t LEFT JOIN cf_case_task_candidate k ON k.task_id = t.task_id"
              + " WHERE t.process_instance_id IN (" + SqlLists.placeholders(chunk.size()) + ")"
              + " ORDER BY t.due_at, t.created_at, t.task_id",
          rs -> {
            String taskId = rs.getString(1);
            caseOf.put(taskId, rs.getString(2));
            fields.computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
                .putIfAbsent(taskId, new String[] {rs.getString(3), rs.getString(4), rs.getString(5)});
            due.put(taskId, rs.getTimestamp(6));
            String kind = rs.getString(7);
            if ("u".equals(kind)) {
              users.computeIfAbsent(taskId, k -> new ArrayList<>()).add(rs.getString(8));
            } else if ("g".equals(kind)) {
              groups.computeIfAbsent(taskId, k -> new ArrayList<>()).add(rs.getString(8));
            }
          },
          chunk.toArray());
    }
    Map<String, List<CaseRow.OpenTask>> tasks = new HashMap<>();
    fields.forEach((caseId, byTask) -> byTask.forEach((taskId, f) ->
        tasks.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new CaseRow.OpenTask(
            taskId, f[0], f[1], f[2], sorted(users.get(taskId)), sorted(groups.get(taskId)),
            due.get(taskId) == null ? null : due.get(taskId).toInstant()))));
    return tasks;
  }

  private Map<String, List<CaseRow.WaitingTimer>> timers(List<String> caseIds) {
    Map<String, List<CaseRow.WaitingTimer>> timers = new HashMap<>();
    for (List<String> chunk : chunks(caseIds)) {
      jdbc.query(
          "SELECT process_instance_id, job_id, process_definition_id, activity_id, due_at FROM cf_case_timer"
              + " WHERE process_instance_id IN (" + SqlLists.placeholders(chunk.size()) + ") ORDER BY due_at, job_id",
          rs -> {
            timers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new CaseRow.WaitingTimer(rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
          },
          chunk.toArray());
    }
    return timers;
  }

  private Map<String, List<CaseRow.ParentRow>> parents(List<String> caseIds) {
    Map<String, List<CaseRow.ParentRow>> parents = new HashMap<>();
    for (List<String> chunk : chunks(caseIds)) {
      jdbc.query(
          "SELECT process_instance_id, parent_id, parent_name, family_key FROM cf_case_parent"
              + " WHERE process_instance_id IN (" + SqlLists.placeholders(chunk.size()) + ") ORDER BY parent_id",
          rs -> {
            parents.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new CaseRow.ParentRow(rs.getString(2), rs.getString(3), rs.getString(4)));
          },
          chunk.toArray());
    }
    return parents;
  }

  // ------------------------------------------------------------------ helpers

  private List<String> ordered(StringBuilder sql, List<Object> args, int limit) {
    sql.append(" ORDER BY c.pupil_name_key, c.opened_at DESC, c.process_instance_id");
    sql.append(" FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
    return jdbc.query(sql.toString(), (rs, n) -> rs.getString(1), args.toArray());
  }

  /** The ids, each once, in chunks of {@link #CHUNK}; none when there are none. */
  static List<List<String>> chunks(Collection<String> ids) {
    return SqlLists.chunks(new ArrayList<>(new LinkedHashSet<>(ids)), CHUNK);
  }

  private static List<String> sorted(List<String> ids) {
    return ids == null ? List.of() : ids.stream().distinct().sorted().toList();
  }

  private static LocalDate day(ResultSet rs, int column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp time = rs.getTimestamp(column);
    return time == null ? null : time.toInstant();
  }
}
