package uk.schoolattendance.casefile.register;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import uk.schoolattendance.engine.EngineClock;

/**
 * The PDF of a print run's copy just made ("Print the letters"), handed from the press (the POST,
 * which renders it under the run's lock so a failed render counts nothing) to the browser's fetch of
 * that copy right after (the 303 to {@code copies/{n}.pdf}), so each copy is rendered once, not once to
 * count it and again to send it. The first fetch takes it; a later fetch (a reload, a reprint of the
 * page opened again) renders the copy afresh, as before (a letter posted since then prints as it was
 * sent). The bytes stay in this node's memory only: a fetch answered by another node of a cluster, or
 * after a restart, finds none and renders it.
 *
 * <p>A copy nobody fetches (an API client that does not follow the 303, a fetch refused because a
 * letter was withdrawn in between) must not stay in memory: a copy is given up {@link #KEPT} after it
 * was made, the copies held together never exceed {@link #MAX_BYTES} (the oldest given up first), and
 * at most {@link #HELD} are held. Giving one up costs only a second render when it is fetched late.
 */
@Component
class PrintedCopies {

  /** At most this many copies wait to be fetched (a page of letters each): the oldest is given up first. */
  static final int HELD = 16;

  /**
   * How long a copy waits for its fetch. The browser follows the 303 within a second or two; a minute
   * covers a slow connection, and anything later renders afresh.
   */
  static final Duration KEPT = Duration.ofMinutes(1);

  /**
   * The bytes all waiting copies may hold together: a few runs of a few hundred letters each (a letter
   * is some tens of KB), small beside the heap the application is given, so a burst of unfetched copies
   * cannot run the node out of memory. A copy larger than this alone is not held (its fetch renders it).
   */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private record Key(long run, int copy) {}

  private record Held(byte[] pdf, Instant madeAt) {}

  private final Map<Key, Held> waiting = new LinkedHashMap<>();
  private final Supplier<Instant> clock;
  private final long maxBytes;
  private long bytes;

  PrintedCopies() {
    this(() -> EngineClock.now().toInstant(), MAX_BYTES);
  }

  /** With the given clock and byte limit (tests). */
  PrintedCopies(Supplier<Instant> clock, long maxBytes) {
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /** Keeps copy {@code copy} of run {@code run}, just made, for its first fetch. */
  synchronized void made(long run, int copy, byte[] pdf) {
    Instant now = clock.get();
    forget(new Key(run, copy));
    giveUpStale(now);
    if (pdf.length > maxBytes) {
      return;
    }
    waiting.put(new Key(run, copy), new Held(pdf, now));
    bytes += pdf.length;
    Iterator<Held> oldestFirst = waiting.values().iterator();
    while (waiting.size() > HELD || bytes > maxBytes) {
      bytes -= oldestFirst.next().pdf().length;
      oldestFirst.remove();
    }
  }

  /** Copy {@code copy} of run {@code run} as it was just made, once; empty when it is not held here. */
  synchronized Optional<byte[]> take(long run, int copy) {
    giveUpStale(clock.get());
    return Optional.ofNullable(forget(new Key(run, copy)));
  }

  /** How many bytes the waiting copies hold (tests). */
  synchronized long heldBytes() {
    return bytes;
  }

  private byte[] forget(Key key) {
    Held held = waiting.remove(key);
    if (held == null) {
      return null;
    }
    bytes -= held.pdf().length;
    return held.pdf();
  }

  /** Gives up the copies made {@link #KEPT} or longer ago (they were put in order of making). */
  private void giveUpStale(Instant now) {
    Instant cutoff = now.minus(KEPT);
    Iterator<Held> oldestFirst = waiting.values().iterator();
    while (oldestFirst.hasNext()) {
      Held held = oldestFirst.next();
      if (held.madeAt().isAfter(cutoff)) {
        return;
      }
      bytes -= held.pdf().length;
      oldestFirst.remove();
    }
  }
}
