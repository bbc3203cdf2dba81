package uk.schoolattendance.attendance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import uk.schoolattendance.attendance.PupilStore.Known;

/**
 * The pupils an import has met lately, by UPN: a bounded least-recently-used map, so a file of
 * any size is imported in the same memory (files list a pupil's rows together).
 */
final class PupilCache {

  private final Map<String, Known> entries;

  PupilCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > capacity;
          }
        };
  }

  Known get(String upn) {
    return entries.get(upn);
  }

  void put(String upn, Known pupil) {
    entries.put(upn, pupil);
  }

  /** Forgets these pupils (their main school changed), so they are read again when next met. */
  void forget(Map<String, Known> known, Set<Integer> pupilIds) {
    known.forEach(
        (upn, pupil) -> {
          if (pupilIds.contains(pupil.id())) {
            entries.remove(upn);
          }
        });
  }
}
