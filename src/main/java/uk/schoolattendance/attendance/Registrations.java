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
 *   <li><b>One main registration at a time.</b> A pupil registered at another school is deleted
 *       from the first school's register (regulation 9(1)(a)) unless the schools agreed that the
 *       pupil is registered at both (dual registration). So a row of a main registration at a
 *       school other than the pupil's main school is kept only when it does not fall within the
 *       main school's registration (from its first day to its last mark): before it (history of an
 *       earlier school) or after it (a move: the pupil's main registration follows the new school).
 *       A row inside it is rejected naming both schools: the file must say {@code dual}.
 *   <li><b>A session counts once.</b> A dual-registered pupil's schools each record their own
 *       sessions, the one not expecting the pupil that session recording {@code D}, which is not a
 *       possible session. A possible mark for a session another school already holds a possible
 *       mark for is rejected, naming that school and its code: the figures (attendance %, possible
 *       sessions, the threshold, the weekly chart) count each session once.
 * </ul>
 *
 * Only pupils with marks or enrolments at more than one school are read from the database, so a
 * school's own feed costs nothing more.
 */
final class Registrations {

  private final JdbcTemplate jdbc;
  private final IntFunction<String> schoolName;

  Registrations(JdbcTemplate jdbc, IntFunction<String> schoolName) {
    this.jdbc = jdbc;
    this.schoolName = schoolName;
  }

  /** The rows that keep the rules, in their order; the others are added to {@code rejections}. */
  List<CheckedMark> keep(List<CheckedMark> marks, Map<String, Known> known, List<Rejection> rejections) {
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
    LocalDate first = null;
    LocalDate last = null;
    for (CheckedMark m : marks) {
      first = first == null || m.date().isBefore(first) ? m.date() : first;
      last = last == null || m.date().isAfter(last) ? m.date() : last;
    }
    Map<Integer, LocalDate> lastAtMain = lastMarkAtMainSchool(several);
    Map<Integer, LocalDate> firstInBatch = new HashMap<>();
    for (CheckedMark m : marks) {
      Known pupil = known.get(m.upn());
      if (several.contains(pupil.id()) && m.urn() == pupil.schoolUrn() && !m.dual()) {
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
      if (!m.dual() && m.urn() != main) {
        PupilStore.Enrolled enrolled = pupil.enrolments().get(main);
        LocalDate from = enrolled != null ? enrolled.from() : firstInBatch.get(pupil.id());
        LocalDate to = lastAtMain.get(pupil.id());
        if (from != null && to != null && !m.date().isBefore(from) && !m.date().isAfter(to)) {
          rejections.add(new Rejection(m.row(), "urn", "pupil " + m.upn() + "'s main registration is at "
              + school(main) + " (marks there from " + Days.shown(from) + " to " + Days.shown(to) + "), not at "
              + school(m.urn()) + ": a pupil has one main registration. If the pupil is dual-registered at "
              + m.urn() + ", send registration=dual (the other school records D for the sessions it does not"
              + " expect the pupil); if the pupil moved, send " + m.urn() + "'s marks from the pupil's first day"
              + " there, after the last mark at " + main));
          continue;
        }
      }
      SessionKey key = new SessionKey(pupil.id(), m.date(), m.session());
      Held other = held.get(key);
      boolean possible = m.code().category().letter() != 'X';
      if (possible && other != null && other.urn() != m.urn()) {
        rejections.add(new Rejection(m.row(), "session", "the " + (m.session() == 0 ? "AM" : "PM") + " session of "
            + Days.shown(m.date()) + " of pupil " + m.upn() + " is already counted at " + school(other.urn())
            + " (code " + other.code() + "): a session counts at one school only; a dual-registered pupil's"
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
