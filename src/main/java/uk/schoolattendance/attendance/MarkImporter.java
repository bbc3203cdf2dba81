package uk.schoolattendance.attendance;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Imports a register file (CSV or CTF) as it streams in: each row is checked, good rows are
 * written in batches of {@code attendance.register.batch-size}, each batch in its own transaction
 * with the import's counts and rejections, so progress shows while the file is read and a crash
 * loses only the batch in flight. Marks are keyed by their natural key, so importing the file again
 * after a crash writes what is missing and doubles nothing. When the file is done, identification
 * is requested for the pupils it touched.
 */
@Component
public class MarkImporter {

  private static final Logger LOG = LoggerFactory.getLogger(MarkImporter.class);
  /** Pupils kept in memory while importing: enough for any school, bounded for any file. */
  static final int PUPIL_CACHE = 20_000;
  /**
   * Sessions remembered while importing, to find a session sent twice in one file. Files list a
   * pupil's rows together, and a pupil's year is about 400 sessions, so 50,000 reaches back over
   * more than a hundred pupils' whole years. Each remembered session costs about 200 bytes (a map
   * entry, its key with the UPN and date, the first row's number and mark), so this is about 10 MB
   * per running import whatever the file's size (up to 4 GB) and however many imports run at once;
   * 500,000 was about 100 MB each for no duplicate a school system writes.
   */
  static final int SESSIONS_REMEMBERED = 50_000;

  /** The file formats the import reads. */
  public enum Format {
    CSV("csv"),
    CTF("ctf");

    private final String code;

    Format(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final RegisterDialect dialect;
  private final PupilStore pupils;
  private final ImportRecords records;
  private final MarkCodes codes;
  private final RegisterCalendars calendars;
  private final RegisterProperties properties;
  private final IdentificationRequests identification;
  private final Registrations registrations;

  MarkImporter(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      PupilStore pupils,
      ImportRecords records,
      MarkCodes codes,
      RegisterCalendars calendars,
      RegisterProperties properties,
      IdentificationRequests identification,
      SchoolDirectory schools) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.dialect = RegisterDialect.of(jdbc);
    this.pupils = pupils;
    this.records = records;
    this.codes = codes;
    this.calendars = calendars;
    this.properties = properties;
    this.identification = identification;
    this.registrations = new Registrations(jdbc, pupils,
        urn -> schools.find(String.format(java.util.Locale.ROOT, "%06d", urn)).map(School::name).orElse(null));
  }

  /**
   * Imports a file; returns the import's id. A file that cannot be read at all (no header, not
   * XML) fails the import with a clear {@code InvalidInputException}; rows already written stay.
   *
   * @param submittedBy the user who sent it
   * @param mayImport whether the sender may import marks for a school (URN)
   * @param today today in the authority's zone: later dates are refused
   */
  public int importFile(
      Format format, InputStream body, Long length, String submittedBy, IntPredicate mayImport, LocalDate today) {
    return importFile(format, body, length, submittedBy, mayImport, false, today);
  }

  /**
   * Imports a file; returns the import's id (see the other {@code importFile}).
   *
   * @param everySchool whether the sender imports for every school (the data team): its rows may
   *     register a pupil at a second school, and its rejections name the other school
   */
  public int importFile(Format format, InputStream body, Long length, String submittedBy, IntPredicate mayImport,
      boolean everySchool, LocalDate today) {
    return importFile(format, null, body, length, submittedBy, mayImport, everySchool, today);
  }

  /**
   * Imports a file; returns the import's id (see the other {@code importFile}).
   *
   * @param fileName the name of the file as its sender chose it (the page's upload), or null
   */
  public int importFile(Format format, String fileName, InputStream body, Long length, String submittedBy,
      IntPredicate mayImport, boolean everySchool, LocalDate today) {
    long started = System.nanoTime();
    int importId = transactions.execute(status -> records.start(format.code(), fileName, submittedBy, length));
    Session session = new Session(importId, new MarkChecks(codes, calendars, mayImport, today),
        new CountingStream(body, properties.maxFileSize().toBytes()), format == Format.CTF, everySchool);
    try {
      if (format == Format.CSV) {
        CsvMarks.read(session.in, session);
      } else {
        CtfMarks.read(session.in, session,
            (urn, day) -> {
              SchoolDays days = urn != null && urn.matches("\\d{6}") ? calendars.of(Integer.parseInt(urn)) : null;
              return days != null && days.isSchoolDay(day);
            },
            properties.ctfWeekendsInMarks());
      }
      session.finish();
      transactions.executeWithoutResult(status -> records.complete(importId, session.firstDate));
      LOG.info("Register import {}: {} rows in {} s ({})", importId, session.total.read(),
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9), session.timings);
    } catch (RuntimeException e) {
      if (session.writer.isAlive()) {
        try {
          if (e instanceof uk.schoolattendance.process.InvalidInputException && e != session.failure) {
            // the reader refused the file part-way: every row checked before the fault is good, so
            // the batch being gathered is written too (the refusal says the rows before it are kept)
            session.submit();
          }
          session.stop(); // the rows read before the failure are good: they are written
        } catch (RuntimeException writer) {
          e.addSuppressed(writer);
        }
      }
      int read = session.total.read();
      LOG.warn("Register import {} failed after {} rows: {}", importId, read, e.toString());
      if (read == 0 && e instanceof uk.schoolattendance.process.InvalidInputException) {
        // refused before any row was kept (no header, not XML, nothing sent): the refusal changes
        // nothing, so no import is left in the sender's list. Any other failure (the database, the
        // writer, the file no longer arriving) is not the sender's bad input: it stays listed as failed
        transactions.executeWithoutResult(status -> records.forget(importId));
        throw e;
      }
      // rows read before the fault are kept: the import is listed as failed, and the refusal names it
      transactions.executeWithoutResult(status -> records.fail(importId, failure(e)));
      if (e instanceof uk.schoolattendance.process.InvalidInputException invalid) {
        throw new ImportStopped(importId, read, invalid);
      }
      throw e;
    }
    identification.requestFor(importId);
    return importId;
  }

  private static String failure(RuntimeException e) {
    if (e instanceof uk.schoolattendance.process.InvalidInputException invalid) {
      return invalid.getField() + ": " + invalid.getRule();
    }
    if (e instanceof UncheckedIOException) {
      return "the file stopped arriving (" + e.getCause().getMessage() + "): import it again, nothing is doubled";
    }
    return "the import stopped (" + e.getClass().getSimpleName() + "): import the file again, nothing is doubled";
  }

  /**
   * One running import. The request's thread reads and checks rows and hands full batches to a
   * writer thread through a queue of two, so the database writes one batch while the next is read
   * and checked (two cores: the Java side and PostgreSQL work at once) and no more than three
   * batches are ever in memory.
   */
  private final class Session implements MarkSink {
    final int importId;
    final MarkChecks checks;
    final CountingStream in;
    final boolean groupRejections;
    final boolean everySchool;
    final PupilCache cache = new PupilCache(PUPIL_CACHE);
    final SessionsSent sessions = new SessionsSent(SESSIONS_REMEMBERED);
    final ImportTimings timings = new ImportTimings();
    final List<CheckedMark> batch = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();
    final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(2);
    final Thread writer;
    volatile RuntimeException failure;
    /** The cells of the CSV rows read since the last batch was handed over, by row: a rejected row carries them. */
    Map<Integer, List<String>> sentRows = new HashMap<>();
    volatile ImportRecords.Counts total = new ImportRecords.Counts(0, 0, 0, 0, 0);
    long mark = System.nanoTime();
    LocalDate firstDate;

    Session(int importId, MarkChecks checks, CountingStream in, boolean groupRejections, boolean everySchool) {
      this.importId = importId;
      this.everySchool = everySchool;
      this.checks = checks;
      this.in = in;
      this.groupRejections = groupRejections;
      this.writer = new Thread(this::write, "register-import-" + importId);
      this.writer.setDaemon(true);
      this.writer.start();
    }

    @Override
    public void accept(SentMark mark) {
      MarkChecks.Outcome outcome = checks.check(mark);
      Rejection twice = outcome.rejection() == null ? sessions.twice(outcome.mark()) : null;
      if (outcome.rejection() != null) {
        reject(outcome.rejection());
      } else if (twice != null) {
        reject(twice);
      } else {
        batch.add(outcome.mark());
        if (firstDate == null || outcome.mark().date().isBefore(firstDate)) {
          firstDate = outcome.mark().date();
        }
      }
      if (batch.size() >= properties.batchSize() || rejected.size() >= properties.batchSize()) {
        submit();
      }
    }

    @Override
    public void header(String line) {
      transactions.executeWithoutResult(status -> records.header(importId, line));
    }

    @Override
    public void sent(int row, List<String> cells) {
      sentRows.put(row, cells);
    }

    @Override
    public void reject(Rejection given) {
      Rejection rejection = sentAs(given, sentRows);
      Rejection last = rejected.isEmpty() ? null : rejected.get(rejected.size() - 1);
      if (groupRejections && last != null && last.field().equals(rejection.field())
          && last.reason().equals(rejection.reason()) && last.row() + last.rows() == rejection.row()) {
        rejected.set(rejected.size() - 1,
            new Rejection(last.row(), last.rows() + rejection.rows(), last.field(), last.reason()));
      } else {
        rejected.add(rejection);
      }
    }

    /** Hands the batch read so far to the writer; throws the writer's failure, if any. */
    void submit() {
      mark = timings.add(ImportTimings.READING, mark);
      put(new Work(List.copyOf(batch), List.copyOf(rejected), sentRows, in.count, false));
      sentRows = new HashMap<>();
      batch.clear();
      rejected.clear();
      mark = System.nanoTime();
    }

    /** Writes what is left, waits for the writer, and throws its failure, if any. */
    void finish() {
      submit();
      stop();
      if (failure != null) {
        throw failure;
      }
    }

    /** Lets the writer write what it was given, then end. */
    void stop() {
      put(new Work(List.of(), List.of(), Map.of(), 0, true));
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the import's last batches were written", e);
      }
    }

    private void put(Work work) {
      try {
        while (!queue.offer(work, 100, TimeUnit.MILLISECONDS)) {
          if (failure != null || !writer.isAlive()) {
            throw failure != null ? failure : new IllegalStateException("the import's writer stopped");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the file", e);
      }
      if (failure != null) {
        throw failure;
      }
    }

    /** The writer thread: one transaction per batch, until told to end or a batch fails. */
    private void write() {
      try {
        while (true) {
          Work work = queue.take();
          if (work.last()) {
            return;
          }
          if (failure == null) {
            total = transactions.execute(status -> writeBatch(work));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
        queue.clear();
      }
    }

    private ImportRecords.Counts writeBatch(Work work) {
      MarkBatch.Result result = work.marks().isEmpty()
          ? new MarkBatch.Result(0, 0, List.of())
          : new MarkBatch(jdbc, dialect, pupils, cache, timings, registrations, everySchool)
              .write(importId, work.marks());
      int earlyRows = work.rejections().stream().mapToInt(Rejection::rows).sum();
      ImportRecords.Counts counts = total.plus(new ImportRecords.Counts(work.bytesRead(), work.marks().size() + earlyRows,
          result.accepted(), result.unchanged(), earlyRows + result.rejections().size()));
      List<Rejection> all = new ArrayList<>(work.rejections());
      result.rejections().forEach(r -> all.add(sentAs(r, work.sent())));
      long bookkeeping = System.nanoTime();
      records.progress(importId, counts, all);
      timings.add(ImportTimings.BOOKKEEPING, bookkeeping);
      return counts;
    }
  }

  /** A batch handed from the reading thread to the writing one; {@code last} ends the writer. */
  private record Work(List<CheckedMark> marks, List<Rejection> rejections, Map<Integer, List<String>> sent,
      long bytesRead, boolean last) {}

  /** The rejection of a single CSV row with the row as the file sent it. */
  private static Rejection sentAs(Rejection rejection, Map<Integer, List<String>> sent) {
    List<String> cells = rejection.sent() == null && rejection.rows() == 1 ? sent.get(rejection.row()) : null;
    return cells == null ? rejection : rejection.sentAs(CsvMarks.line(cells));
  }

  /** Counts the bytes read, for progress, and stops a file over the limit. */
  private static final class CountingStream extends FilterInputStream {
    final long limit;
    long count;

    CountingStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new IOException("the file is larger than the " + (limit / (1024 * 1024))
            + " MB this authority accepts in one file: send it in parts");
      }
    }
  }
}
