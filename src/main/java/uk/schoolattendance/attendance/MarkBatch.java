package uk.schoolattendance.attendance;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.schoolattendance.attendance.CheckedMark.PupilDetails;
import uk.schoolattendance.attendance.PupilStore.Known;
import uk.schoolattendance.attendance.RegisterDialect.Enrolment;
import uk.schoolattendance.attendance.RegisterDialect.Mark;
import uk.schoolattendance.attendance.RegisterDialect.Span;
import uk.schoolattendance.attendance.SentMark.Contact;

/**
 * Writes one batch of checked marks in the caller's transaction: the pupils first (a pupil seen
 * for the first time needs its names, else its rows are rejected; details and contacts are
 * updated where a row sends different ones), the registration rules ({@link Registrations}: one
 * main registration at a time, each session counted at one school), then the enrolments, the marks (each natural key
 * once: two rows of a file for one session never reach here, {@link SessionsSent} refuses the second) and the
 * pupils the import touched.
 */
final class MarkBatch {

  /** What the batch did: marks written or changed, unchanged, and the rows it rejected. */
  record Result(int accepted, int unchanged, List<Rejection> rejections) {}

  private final JdbcTemplate jdbc;
  private final RegisterDialect dialect;
  private final PupilStore pupils;
  private final PupilCache cache;
  private final ImportTimings timings;
  private final Registrations registrations;
  private final boolean everySchool;

  MarkBatch(JdbcTemplate jdbc, RegisterDialect dialect, PupilStore pupils, PupilCache cache, ImportTimings timings,
      Registrations registrations, boolean everySchool) {
    this.jdbc = jdbc;
    this.everySchool = everySchool;
    this.registrations = registrations;
    this.dialect = dialect;
    this.pupils = pupils;
    this.cache = cache;
    this.timings = timings;
  }

  Result write(int importId, List<CheckedMark> marks) {
    long start = System.nanoTime();
    Map<String, Known> known = resolvePupils(marks);
    List<Rejection> rejections = new ArrayList<>();
    Map<String, PupilDetails> newPupils = new LinkedHashMap<>();
    Map<String, Integer> newSchools = new HashMap<>();
    List<CheckedMark> kept = new ArrayList<>(marks.size());
    for (CheckedMark mark : marks) {
      if (known.containsKey(mark.upn()) || newPupils.containsKey(mark.upn())) {
        kept.add(mark);
      } else if (mark.pupil() != null) {
        newPupils.put(mark.upn(), mark.pupil());
        newSchools.put(mark.upn(), mark.urn());
        kept.add(mark);
      } else {
        rejections.add(new Rejection(mark.row(), "forename",
            "UPN " + mark.upn() + " is not in the register yet: its first row needs forename, surname,"
                + " dateOfBirth and yearGroup"));
      }
    }
    Map<String, Known> created = pupils.create(newPupils, newSchools);
    created.forEach(cache::put);
    known.putAll(created);
    kept = registrations.keep(kept, known, rejections, everySchool);
    updateDetails(kept, known);
    start = timings.add(ImportTimings.PUPILS, start);

    Map<MarkKey, Mark> byKey = new LinkedHashMap<>();
    Map<MarkKey, Enrolment> enrolments = new LinkedHashMap<>();
    Map<Integer, Span> spans = new LinkedHashMap<>();
    Set<Integer> mainRows = new HashSet<>();
    for (CheckedMark m : kept) {
      Known pupil = known.get(m.upn());
      Date date = Date.valueOf(m.date());
      MarkKey key = new MarkKey(pupil.id(), m.date(), m.session(), m.urn());
      byKey.remove(key); // a second row for the session: only beyond SessionsSent's reach
      byKey.put(key, new Mark(pupil.id(), date, m.session(), m.urn(), m.code().category().letter(),
          m.code().code(), m.code().sourceCode()));
      Span span = spans.get(pupil.id());
      spans.put(pupil.id(), span == null ? new Span(pupil.id(), date, date)
          : new Span(pupil.id(), span.first().before(date) ? span.first() : date, span.last().after(date) ? span.last() : date));
      PupilStore.Enrolled enrolled = pupil.enrolments().get(m.urn());
      if (enrolled == null || enrolled.from().isAfter(m.date()) || enrolled.dual() != m.dual()) {
        MarkKey enrolmentKey = new MarkKey(pupil.id(), null, 0, m.urn());
        Enrolment seen = enrolments.get(enrolmentKey);
        enrolments.put(enrolmentKey, new Enrolment(pupil.id(), m.urn(), m.dual(),
            seen == null || date.before(seen.from()) ? date : seen.from()));
      }
      if (!m.dual() && pupil.schoolUrn() != m.urn()) {
        mainRows.add(pupil.id());
      }
    }
    List<Mark> unique = new ArrayList<>(byKey.values());
    if (!enrolments.isEmpty()) {
      dialect.upsertEnrolments(jdbc, new ArrayList<>(enrolments.values()));
      Map<Integer, Known> byId = new HashMap<>();
      known.values().forEach(k -> byId.put(k.id(), k));
      for (Enrolment e : enrolments.values()) {
        byId.get(e.pupilId()).enrolments().merge(e.urn(), new PupilStore.Enrolled(e.from().toLocalDate(), e.dual(), null),
            (old, now) -> new PupilStore.Enrolled(old.from().isBefore(now.from()) ? old.from() : now.from(), now.dual(),
                old.to()));
      }
    }
    recordLeaving(kept, known);
    if (!mainRows.isEmpty()) {
      pupils.followMainSchool(mainRows);
      cache.forget(known, mainRows);
    }
    start = timings.add(ImportTimings.ENROLMENTS, start);
    int written = unique.isEmpty() ? 0 : dialect.writeMarks(jdbc, importId, unique, new ArrayList<>(spans.values()));
    if (!mainRows.isEmpty()) {
      // after the marks: a move the data team sent in one file ends the old registration at its last mark there
      pupils.closeEarlierMainRegistrations(mainRows);
    }
    start = timings.add(ImportTimings.MARKS, start);
    dialect.addImportPupils(jdbc, importId, spans.keySet());
    timings.add(ImportTimings.BOOKKEEPING, start);
    int superseded = kept.size() - unique.size();
    return new Result(written + superseded, unique.size() - written, rejections);
  }

  /**
   * Writes the leaving dates the kept rows send (the end of that registration) where the register
   * does not hold them yet: a row's leaving date for its own school; the data team's (who import
   * for every school) for any school the pupil is enrolled at, such as a CTF's school history
   * naming the old school. Another school's file is no evidence to end a registration it does not keep.
   */
  private void recordLeaving(List<CheckedMark> kept, Map<String, Known> known) {
    Map<Integer, Map<Integer, java.time.LocalDate>> leaving = new HashMap<>();
    for (CheckedMark m : kept) {
      Known pupil = known.get(m.upn());
      for (Map.Entry<Integer, java.time.LocalDate> left : m.leaving().entrySet()) {
        int urn = left.getKey();
        java.time.LocalDate to = left.getValue();
        PupilStore.Enrolled enrolled = pupil.enrolments().get(urn);
        if ((urn == m.urn() || everySchool) && to != null && enrolled != null && !to.equals(enrolled.to())) {
          leaving.computeIfAbsent(pupil.id(), k -> new HashMap<>()).put(urn, to);
          pupil.enrolments().put(urn, new PupilStore.Enrolled(enrolled.from(), enrolled.dual(), to));
        }
      }
    }
    if (!leaving.isEmpty()) {
      pupils.recordLeaving(leaving);
    }
  }

  /** A mark's natural key (the date null for an enrolment's key). */
  private record MarkKey(int pupilId, java.time.LocalDate date, int session, int urn) {}

  private Map<String, Known> resolvePupils(List<CheckedMark> marks) {
    Map<String, Known> known = new HashMap<>();
    Set<String> missing = new HashSet<>();
    Set<String> withDetails = new HashSet<>();
    for (CheckedMark mark : marks) {
      Known cached = cache.get(mark.upn());
      if (cached != null) {
        known.put(mark.upn(), cached);
      } else {
        missing.add(mark.upn());
        if (mark.pupil() != null) {
          withDetails.add(mark.upn());
        }
      }
    }
    if (!missing.isEmpty()) {
      missing.removeAll(withDetails);
      for (Map<String, Known> found : List.of(pupils.find(withDetails, true), pupils.find(missing, false))) {
        found.forEach(cache::put);
        known.putAll(found);
      }
    }
    return known;
  }

  /** Writes the details and contacts of known pupils where the batch's last row sends different ones. */
  private void updateDetails(List<CheckedMark> marks, Map<String, Known> known) {
    Map<String, PupilDetails> latest = new LinkedHashMap<>();
    for (CheckedMark mark : marks) {
      if (mark.pupil() != null) {
        latest.put(mark.upn(), mark.pupil());
      }
    }
    Map<Integer, PupilDetails> details = new HashMap<>();
    Map<Integer, List<Contact>> contacts = new HashMap<>();
    latest.forEach(
        (upn, sent) -> {
          Known pupil = known.get(upn);
          int digest = PupilStore.digest(sent);
          int contactsDigest = sent.contacts() == null ? pupil.contactsDigest() : PupilStore.contactsDigest(sent.contacts());
          if (digest != pupil.detailsDigest()) {
            details.put(pupil.id(), sent);
          }
          if (contactsDigest != pupil.contactsDigest()) {
            contacts.put(pupil.id(), sent.contacts());
          }
          if (digest != pupil.detailsDigest() || contactsDigest != pupil.contactsDigest()) {
            Known updated = pupil.with(digest, contactsDigest);
            known.put(upn, updated);
            cache.put(upn, updated);
          }
        });
    pupils.update(details, contacts);
  }
}
