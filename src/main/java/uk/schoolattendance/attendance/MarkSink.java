package uk.schoolattendance.attendance;

/** Receives what a file reader finds: marks to check, and groups of marks it could not read. */
interface MarkSink {

  void accept(SentMark mark);

  /** Marks kept out before any check (e.g. a CTF year of attendance naming no school). */
  void reject(Rejection rejection);
}
