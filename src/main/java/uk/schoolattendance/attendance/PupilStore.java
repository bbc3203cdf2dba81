package uk.schoolattendance.attendance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.CheckedMark.PupilDetails;
import uk.schoolattendance.attendance.SentMark.Contact;
import uk.schoolattendance.process.SqlLists;

/**
 * Pupils as imports write them: looked up by UPN in chunks, created when a file first sends their
 * names, their details and contacts updated only when a file sends different ones.
 */
@Component
class PupilStore {

  static final int CHUNK = 2000;
  /** The digest of details not read (never equal to a real one: compared, they count as changed). */
  static final int UNREAD = Integer.MIN_VALUE;

  /**
   * A pupil the register knows: its id, a digest of its details and contacts (to tell a change),
   * its main school, and its enrolments (URN to the first day, whether dual, and the leaving date).
   */
  record Known(int id, int detailsDigest, int contactsDigest, int schoolUrn, Map<Integer, Enrolled> enrolments) {

    Known with(int detailsDigest, int contactsDigest) {
      return new Known(id, detailsDigest, contactsDigest, schoolUrn, enrolments);
    }
  }

  /** An enrolment as the register holds it: {@code to} is the leaving date a file sent, else null. */
  record Enrolled(LocalDate from, boolean dual, LocalDate to) {}

  private final JdbcTemplate jdbc;

  PupilStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The pupils of these UPNs that the register knows, with their details' digests. */
  Map<String, Known> find(Collection<String> upns) {
    return find(upns, true);
  }

  /**
   * The pupils of these UPNs that the register knows. Without {@code details} (rows that send no
   * details, a day's feed) the digests are not read: such a pupil's details are never compared.
   */
  Map<String, Known> find(Collection<String> upns, boolean details) {
    Map<String, Known> found = new HashMap<>();
    for (List<String> chunk : SqlLists.chunks(new ArrayList<>(upns), CHUNK)) {
      String in = SqlLists.placeholders(chunk.size());
      Map<Integer, List<Contact>> contacts = new HashMap<>();
      Map<Integer, Map<Integer, Enrolled>> enrolments = new HashMap<>();
      Map<Integer, Object[]> rows = new HashMap<>();
      jdbc.query(
          details
              ? "SELECT pupil_id, upn, school_urn, forename, surname, date_of_birth, year_group, sen_provision,"
                  + " free_school_meals, has_social_worker, looked_after, address FROM att_pupil WHERE upn IN (" + in + ")"
              : "SELECT pupil_id, upn, school_urn FROM att_pupil WHERE upn IN (" + in + ")",
          rs -> {
            rows.put(rs.getInt(1), new Object[] {rs.getString(2).trim(), details ? details(rs) : null, rs.getInt(3)});
          },
          chunk.toArray());
      if (rows.isEmpty()) {
        continue;
      }
      String ids = SqlLists.placeholders(rows.size());
      if (details) {
        jdbc.query(
            "SELECT pupil_id, name, relationship, parental_responsibility, address FROM att_contact"
                + " WHERE pupil_id IN (" + ids + ") ORDER BY pupil_id, contact_order",
            rs -> {
              contacts.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                  .add(new Contact(rs.getString(2), rs.getString(3), bool(rs, 4), rs.getString(5)));
            },
            rows.keySet().toArray());
      }
      enrolments.putAll(enrolments(rows.keySet()));
      rows.forEach(
          (id, row) ->
              found.put(
                  (String) row[0],
                  new Known(id, row[1] == null ? UNREAD : digest((PupilDetails) row[1]),
                      row[1] == null ? UNREAD : contactsDigest(contacts.getOrDefault(id, List.of())),
                      (int) row[2], enrolments.getOrDefault(id, new HashMap<>()))));
    }
    return found;
  }

  /** The enrolments of these pupils (at most {@link #CHUNK}), by pupil id and URN. */
  Map<Integer, Map<Integer, Enrolled>> enrolments(Collection<Integer> pupilIds) {
    Map<Integer, Map<Integer, Enrolled>> enrolments = new HashMap<>();
    jdbc.query(
        "SELECT pupil_id, school_urn, from_date, registration, to_date FROM att_enrolment WHERE pupil_id IN ("
            + SqlLists.placeholders(pupilIds.size()) + ")",
        rs -> {
          Date to = rs.getDate(5);
          enrolments.computeIfAbsent(rs.getInt(1), k -> new HashMap<>())
              .put(rs.getInt(2), new Enrolled(rs.getDate(3).toLocalDate(), "dual".equals(rs.getString(4)),
                  to == null ? null : to.toLocalDate()));
        },
        pupilIds.toArray());
    return enrolments;
  }

  /**
   * Records the leaving dates sent (pupil id to URN to the last day on that school's roll) on
   * the enrolments they end; a leaving date of a school the pupil is not enrolled at writes nothing.
   */
  void recordLeaving(Map<Integer, Map<Integer, LocalDate>> leaving) {
    List<Object[]> rows = new ArrayList<>();
    leaving.forEach((id, byUrn) -> byUrn.forEach((urn, to) -> rows.add(new Object[] {Date.valueOf(to), id, urn})));
    jdbc.batchUpdate("UPDATE att_enrolment SET to_date = ? WHERE pupil_id = ? AND school_urn = ?", rows,
        new int[] {Types.DATE, Types.INTEGER, Types.INTEGER});
  }

  /** Creates the pupils (UPN to details and main school); returns their new ids by UPN. */
  Map<String, Known> create(Map<String, PupilDetails> pupils, Map<String, Integer> schools) {
    if (pupils.isEmpty()) {
      return Map.of();
    }
    Timestamp now = Timestamp.from(Instant.now());
    List<Map.Entry<String, PupilDetails>> entries = new ArrayList<>(pupils.entrySet());
    jdbc.batchUpdate(
        "INSERT INTO att_pupil (upn, forename, surname, date_of_birth, year_group, sen_provision, free_school_meals,"
            + " has_social_worker, looked_after, address, school_urn, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entries,
        entries.size(),
        (ps, e) -> {
          ps.setString(1, e.getKey());
          detailsSetter(e.getValue(), 2).setValues(ps);
          ps.setInt(11, schools.get(e.getKey()));
          ps.setTimestamp(12, now);
        });
    Map<String, Known> created = new HashMap<>();
    for (List<String> chunk : SqlLists.chunks(new ArrayList<>(pupils.keySet()), CHUNK)) {
      jdbc.query("SELECT pupil_id, upn FROM att_pupil WHERE upn IN (" + SqlLists.placeholders(chunk.size()) + ")",
          rs -> {
            String upn = rs.getString(2).trim();
            PupilDetails details = pupils.get(upn);
            created.put(upn, new Known(rs.getInt(1), digest(details),
                contactsDigest(details.contacts() == null ? List.of() : details.contacts()), schools.get(upn), new HashMap<>()));
          },
          chunk.toArray());
    }
    List<Map.Entry<Integer, List<Contact>>> contacts = new ArrayList<>();
    pupils.forEach(
        (upn, details) -> {
          if (details.contacts() != null && !details.contacts().isEmpty()) {
            contacts.add(Map.entry(created.get(upn).id(), details.contacts()));
          }
        });
    writeContacts(contacts);
    return created;
  }

  /** Updates the details of known pupils (id to details) and, where sent, their contacts. */
  void update(Map<Integer, PupilDetails> details, Map<Integer, List<Contact>> contacts) {
    if (!details.isEmpty()) {
      Timestamp now = Timestamp.from(Instant.now());
      List<Map.Entry<Integer, PupilDetails>> entries = new ArrayList<>(details.entrySet());
      jdbc.batchUpdate(
          "UPDATE att_pupil SET forename = ?, surname = ?, date_of_birth = ?, year_group = ?, sen_provision = ?,"
              + " free_school_meals = ?, has_social_worker = ?, looked_after = ?, address = ?, updated_at = ?"
              + " WHERE pupil_id = ?",
          entries,
          entries.size(),
          (ps, e) -> {
            detailsSetter(e.getValue(), 1).setValues(ps);
            ps.setTimestamp(10, now);
            ps.setInt(11, e.getKey());
          });
    }
    if (!contacts.isEmpty()) {
      List<Object[]> ids = contacts.keySet().stream().map(id -> new Object[] {id}).toList();
      jdbc.batchUpdate("DELETE FROM att_contact WHERE pupil_id = ?", ids);
      writeContacts(new ArrayList<>(contacts.entrySet()));
    }
  }

  /**
   * Points each of these pupils at the school of its main registration: the open one (no leaving
   * date) it joined last, else the one it joined last; its calendar counts the pupil's school weeks
   * (a pupil who moved school).
   */
  void followMainSchool(Collection<Integer> pupilIds) {
    List<Object[]> ids = pupilIds.stream().map(id -> new Object[] {id}).toList();
    jdbc.batchUpdate(
        "UPDATE att_pupil SET school_urn = (SELECT e.school_urn FROM att_enrolment e WHERE e.pupil_id = att_pupil.pupil_id"
            + " AND e.registration = 'main' ORDER BY CASE WHEN e.to_date IS NULL THEN 0 ELSE 1 END, e.from_date DESC,"
            + " e.school_urn FETCH FIRST 1 ROWS ONLY)"
            + " WHERE pupil_id = ? AND EXISTS (SELECT 1 FROM att_enrolment e2 WHERE e2.pupil_id = att_pupil.pupil_id"
            + " AND e2.registration = 'main' AND e2.school_urn <> att_pupil.school_urn)",
        ids);
  }

  /**
   * Ends, for each of these pupils, every open main registration (no leaving date) at a school other
   * than its main school that began before the main school's: the old school's after a move, or a
   * past school's whose history a file sent. Regulation 9(1)(a) deleted the pupil from that roll when
   * the pupil was registered at the new school; without a leaving date sent (the data team's move)
   * the registration ends at its last mark before the main registration began. The old school's
   * marks stay: they count in the pupil's figures; the school's lists no longer hold the pupil.
   */
  void closeEarlierMainRegistrations(Collection<Integer> pupilIds) {
    List<Object[]> ids = pupilIds.stream().map(id -> new Object[] {id}).toList();
    String mainFrom = "(SELECT n.from_date FROM att_enrolment n JOIN att_pupil p ON p.pupil_id = n.pupil_id"
        + " AND p.school_urn = n.school_urn WHERE n.pupil_id = att_enrolment.pupil_id)";
    jdbc.batchUpdate(
        "UPDATE att_enrolment SET to_date = COALESCE((SELECT MAX(m.mark_date) FROM att_mark m"
            + " WHERE m.pupil_id = att_enrolment.pupil_id AND m.school_urn = att_enrolment.school_urn"
            + " AND m.mark_date < " + mainFrom + "), from_date)"
            + " WHERE pupil_id = ? AND registration = 'main' AND to_date IS NULL AND from_date < " + mainFrom
            + " AND school_urn <> (SELECT p2.school_urn FROM att_pupil p2 WHERE p2.pupil_id = att_enrolment.pupil_id)",
        ids);
  }

  private void writeContacts(List<Map.Entry<Integer, List<Contact>>> contacts) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<Integer, List<Contact>> entry : contacts) {
      int order = 0;
      for (Contact contact : entry.getValue()) {
        rows.add(new Object[] {entry.getKey(), ++order, contact.name(), contact.relationship(),
            contact.parentalResponsibility(), contact.address()});
      }
    }
    jdbc.batchUpdate(
        "INSERT INTO att_contact (pupil_id, contact_order, name, relationship, parental_responsibility, address)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
        new int[] {Types.INTEGER, Types.SMALLINT, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR});
  }

  private static PreparedStatementSetter detailsSetter(PupilDetails d, int first) {
    return ps -> {
      ps.setString(first, d.forename());
      ps.setString(first + 1, d.surname());
      ps.setDate(first + 2, Date.valueOf(d.dateOfBirth()));
      ps.setString(first + 3, d.yearGroup());
      ps.setObject(first + 4, d.senProvision(), Types.CHAR);
      ps.setObject(first + 5, d.freeSchoolMeals(), Types.BOOLEAN);
      ps.setObject(first + 6, d.socialWorker(), Types.BOOLEAN);
      ps.setObject(first + 7, d.lookedAfter(), Types.BOOLEAN);
      ps.setObject(first + 8, d.address(), Types.VARCHAR);
    };
  }

  private static PupilDetails details(ResultSet rs) throws SQLException {
    String sen = rs.getString(8);
    return new PupilDetails(rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
        sen == null ? null : sen.trim(), bool(rs, 9), bool(rs, 10), bool(rs, 11), rs.getString(12), null);
  }

  private static Boolean bool(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  /** A digest of the details the pupil row holds (not the contacts). */
  static int digest(PupilDetails d) {
    return Objects.hash(d.forename(), d.surname(), d.dateOfBirth(), d.yearGroup(), d.senProvision(),
        d.freeSchoolMeals(), d.socialWorker(), d.lookedAfter(), d.address());
  }

  static int contactsDigest(List<Contact> contacts) {
    return contacts.hashCode();
  }
}
