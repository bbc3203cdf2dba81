package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.attendance.PupilStore.Known;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.SqlLists;

/**
 * The registration rules a batch's rows must keep before anything is written (the School
 * Attendance (Pupil Registration) (England) Regulations 2024):
 *
 * <ul>
 *   <li><b>No access through an import.</b> A row that would put a pupil registered at another
 *       school on a school's roll (a first row there, main or {@code dual}) is rejected unless the
 *       pupil's main registration there has ended (below) or the sender imports for every school
 *       (the data team, who record a dual registration the schools agreed): a school never gains
 *       the right to read another school's pupil by sending a row.
 *   <li><b>One main registration at a time.</b> A pupil registered at another school is deleted
 *       from the first school's register (regulation 9(1)(a)) unless the schools agreed that the
 *       pupil is registered at both (dual registration). So a row of a main registration at a
 *       school other than the pupil's main school is kept only when it falls before the main
 *       school's registration (history of an earlier school) or after its end. The end needs
 *       evidence: the leaving date of the main school's enrolment (a CSV's {@code leavingDate}, a
 *       CTF's {@code SchoolHistory}), or, for the data team, who import for every school, the main
 *       school's last mark. The order in which schools' files arrive is no evidence: without a
 *       leaving date the registration is open, and a row inside it is rejected.
 *   <li><b>A session counts once.</b> A dual-registered pupil's schools each record their own
 *       sessions, the one not expecting the pupil that session recording {@code D}, which is not a
 *       possible session. A possible mark for a session another school already holds a possible
 *       mark for is rejected.
 * </ul>
 *
 * A school's rejection never names the other school, its dates or its codes (they are that
 * school's data); the data team's names them. Only pupils with marks or enrolments at more than
 * one school are read from the database, and their rows in att_pupil are locked first, so two
 * imports at once check these pupils one after the other; a school's own feed costs nothing more.
 */
final class Registrations {

  private final JdbcTemplate jdbc;
  private final PupilStore pupils;
  private final IntFunction<String> schoolName;

  Registrations(JdbcTemplate jdbc, PupilStore pupils, IntFunction<String> schoolName) {
    this.jdbc = jdbc;
    this.pupils = pupils;
    this.schoolName = schoolName;
  }

  /**
   * The rows that keep the rules, in their order; the others are added to {@code rejections}.
   *
   * @param everySchool whether the sender imports for every school (the data team)
   */
  List<CheckedMark> keep(
      List<CheckedMark> marks, Map<String, Known> known, List<Rejection> rejections, boolean everySchool) {
    Map<Integer, Set<Integer>> schools = new HashMap<>();
    for (CheckedMark m : marks) {
      Known pupil = known.get(m.upn());
      schools.computeIfAbsent(pupil.id(), k -> new HashSet<>(pupil.enrolments().keySet())).add(m.urn());
      schools.get(pupil.id()).add(pupil.schoolUrn());
    }
    Set<Integer> several = new HashSet<>();
    schools.forEach((id, urns) -> {
      if (urns.size() > 1) {
        several.add(id);
      }
    });
    if (several.isEmpty()) {
      return marks;
    }
    lockAndRefresh(several, known);
    LocalDate first = null;
    LocalDate last = null;
    for (CheckedMark m : marks) {
      first = first == null || m.date().isBefore(first) ? m.date() : first;
      last = last == null || m.date().isAfter(last) ? m.date() : last;
    }
    Map<Integer, LocalDate> lastAtMain = lastMarkAtMainSchool(several);
    Map<Integer, LocalDate> firstInBatch = new HashMap<>();
    Map<Integer, LocalDate> leftMain = new HashMap<>();
    for (CheckedMark m : marks) {
      Known pupil = known.get(m.upn());
      if (!several.contains(pupil.id())) {
        continue;
      }
      // A leaving date ends a registration only when its sender may import for that school: the
      // school itself or the data team. Another school's file (a CTF's school history) is not
      // evidence enough to take a pupil off a roll it does not keep.
      LocalDate left = m.leaving().get(pupil.schoolUrn());
      if (left != null && (everySchool || m.urn() == pupil.schoolUrn())) {
        leftMain.put(pupil.id(), left);
      }
      if (m.urn() == pupil.schoolUrn() && !m.dual()) {
        lastAtMain.merge(pupil.id(), m.date(), (a, b) -> a.isAfter(b) ? a : b);
        firstInBatch.merge(pupil.id(), m.date(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<SessionKey, Held> held = possibleMarksStored(several, first, last);
    List<CheckedMark> kept = new ArrayList<>(marks.size());
    for (CheckedMark m : marks) {
      Known pupil = known.get(m.upn());
      if (!several.contains(pupil.id())) {
        kept.add(m);
        continue;
      }
      int main = pupil.schoolUrn();
      if (m.urn() != main) {
        PupilStore.Enrolled enrolled = pupil.enrolments().get(main);
        LocalDate from = enrolled != null ? enrolled.from() : firstInBatch.get(pupil.id());
        LocalDate ended = leftMain.containsKey(pupil.id()) ? leftMain.get(pupil.id())
            : enrolled != null && enrolled.to() != null ? enrolled.to()
            : everySchool ? lastAtMain.get(pupil.id()) : null;
        boolean afterEnd = ended != null && m.date().isAfter(ended);
        boolean inside = !m.dual() && !afterEnd && from != null && !m.date().isBefore(from);
        boolean newcomer = !everySchool && !afterEnd && !pupil.enrolments().containsKey(m.urn());
        if (inside || newcomer) {
          rejections.add(new Rejection(m.row(), m.dual() ? "registration" : "urn", everySchool
              ? "pupil " + m.upn() + "'s main registration is at " + school(main) + " (" + registered(enrolled, from, ended)
                  + "), not at " + school(m.urn()) + ": a pupil has one main registration. If the pupil is"
                  + " dual-registered at " + m.urn() + ", send registration=dual (the other school records D for the"
                  + " sessions it does not expect the pupil); if the pupil moved, send the leaving date at " + main
                  + " (leavingDate) and " + m.urn() + "'s marks from the pupil's first day there"
              : "pupil " + m.upn() + " cannot be added to your school's roll by an import: ask the data team, who"
                  + " record a pupil's arrival and leaving dates and a dual registration the schools agreed"
                  + (m.dual() ? "" : " (send registration=dual only if it is agreed)")));
          continue;
        }
      }
      SessionKey key = new SessionKey(pupil.id(), m.date(), m.session());
      Held other = held.get(key);
      boolean possible = m.code().category().letter() != 'X';
      if (possible && other != null && other.urn() != m.urn()) {
        rejections.add(new Rejection(m.row(), "session", "the " + (m.session() == 0 ? "AM" : "PM") + " session of "
            + Days.shown(m.date()) + " of pupil " + m.upn() + " is already counted at "
            + (everySchool ? school(other.urn()) + " (code " + other.code() + ")" : "another school")
            + ": a session counts at one school only; a dual-registered pupil's"
            + " school that does not expect the pupil that session records D"));
        continue;
      }
      if (possible) {
        held.put(key, new Held(m.urn(), m.code().code()));
      } else if (other != null && other.urn() == m.urn()) {
        held.remove(key);
      }
      kept.add(m);
    }
    return kept;
  }

  /** How the main registration's span reads in the data team's rejection. */
  private static String registered(PupilStore.Enrolled enrolled, LocalDate from, LocalDate ended) {
    if (from == null) {
      return "no marks there yet";
    }
    if (enrolled != null && enrolled.to() != null && enrolled.to().equals(ended)) {
      return "registered there from " + Days.shown(from) + " to its leaving date, " + Days.shown(ended);
    }
    return ended == null ? "registered there from " + Days.shown(from) + ", with no leaving date"
        : "marks there from " + Days.shown(from) + " to " + Days.shown(ended);
  }

  /**
   * Locks these pupils' rows (another import checking the same pupils waits for this batch's
   * transaction), then reads their main school and enrolments again: what the batch started with
   * may predate another import's commit.
   */
  private void lockAndRefresh(Set<Integer> pupilIds, Map<String, Known> known) {
    Map<Integer, Integer> mainSchool = new HashMap<>();
    Map<Integer, Map<Integer, PupilStore.Enrolled>> enrolments = new HashMap<>();
    for (List<Integer> chunk : SqlLists.chunks(new ArrayList<>(pupilIds), PupilStore.CHUNK)) {
      jdbc.query("SELECT pupil_id, school_urn FROM att_pupil WHERE pupil_id IN (" + SqlLists.placeholders(chunk.size())
              + ") ORDER BY pupil_id FOR UPDATE",
          rs -> {
            mainSchool.put(rs.getInt(1), rs.getInt(2));
          },
          chunk.toArray());
      enrolments.putAll(pupils.enrolments(chunk));
    }
    known.replaceAll((upn, pupil) -> {
      Integer urn = mainSchool.get(pupil.id());
      if (urn == null) {
        return pupil;
      }
      Map<Integer, PupilStore.Enrolled> now = pupil.enrolments();
      now.clear();
      now.putAll(enrolments.getOrDefault(pupil.id(), Map.of()));
      return urn == pupil.schoolUrn() ? pupil
          : new Known(pupil.id(), pupil.detailsDigest(), pupil.contactsDigest(), urn, now);
    });
  }

  private String school(int urn) {
    String name = schoolName.apply(urn);
    return name == null ? "school " + urn : name + " (" + urn + ")";
  }

  /** Each pupil's last mark at its main school, as stored. */
  private Map<Integer, LocalDate> lastMarkAtMainSchool(Set<Integer> pupilIds) {
    Map<Integer, LocalDate> last = new HashMap<>();
    for (List<Integer> chunk : SqlLists.chunks(new ArrayList<>(pupilIds), PupilStore.CHUNK)) {
      jdbc.query("SELECT m.pupil_id, MAX(m.mark_date) FROM att_mark m JOIN att_pupil p ON p.pupil_id = m.pupil_id"
              + " AND p.school_urn = m.school_urn WHERE m.pupil_id IN (" + SqlLists.placeholders(chunk.size()) + ")"
              + " GROUP BY m.pupil_id",
          rs -> {
            last.put(rs.getInt(1), rs.getDate(2).toLocalDate());
          },
          chunk.toArray());
    }
    return last;
  }

  /** The possible marks stored for these pupils between the batch's first and last date. */
  private Map<SessionKey, Held> possibleMarksStored(Set<Integer> pupilIds, LocalDate first, LocalDate last) {
    Map<SessionKey, Held> held = new HashMap<>();
    for (List<Integer> chunk : SqlLists.chunks(new ArrayList<>(pupilIds), PupilStore.CHUNK)) {
      List<Object> parameters = new ArrayList<>(chunk);
      parameters.add(Date.valueOf(first));
      parameters.add(Date.valueOf(last));
      jdbc.query("SELECT pupil_id, mark_date, session_no, school_urn, code FROM att_mark"
              + " WHERE pupil_id IN (" + SqlLists.placeholders(chunk.size()) + ") AND mark_date BETWEEN ? AND ?"
              + " AND category <> 'X'",
          rs -> {
            held.put(new SessionKey(rs.getInt(1), rs.getDate(2).toLocalDate(), rs.getInt(3)),
                new Held(rs.getInt(4), rs.getString(5).trim()));
          },
          parameters.toArray());
    }
    return held;
  }

  private record SessionKey(int pupilId, LocalDate date, int session) {}

  /** The school holding a possible mark for a session, and its code. */
  private record Held(int urn, String code) {}
}
