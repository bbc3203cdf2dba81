package uk.schoolattendance.casefile.register;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The PDF of a print run's copy just made ("Print the letters"), handed from the press (the POST,
 * which renders it under the run's lock so a failed render counts nothing) to the browser's fetch of
 * that copy right after (the 303 to {@code copies/{n}.pdf}), so each copy is rendered once, not once to
 * count it and again to send it. The first fetch takes it; a later fetch (a reload, a reprint of the
 * page opened again) renders the copy afresh, as before (a letter posted since then prints as it was
 * sent). The bytes stay in this node's memory only, at most {@link #HELD} copies, the oldest given up
 * first: a fetch answered by another node of a cluster, or after a restart, finds none and renders it.
 */
@Component
class PrintedCopies {

  /** At most this many copies wait to be fetched (a page of letters each): the oldest is given up first. */
  static final int HELD = 16;

  private record Key(long run, int copy) {}

  private final Map<Key, byte[]> waiting = new LinkedHashMap<>(HELD, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
      return size() > HELD;
    }
  };

  /** Keeps copy {@code copy} of run {@code run}, just made, for its first fetch. */
  synchronized void made(long run, int copy, byte[] pdf) {
    waiting.put(new Key(run, copy), pdf);
  }

  /** Copy {@code copy} of run {@code run} as it was just made, once; empty when it is not held here. */
  synchronized Optional<byte[]> take(long run, int copy) {
    return Optional.ofNullable(waiting.remove(new Key(run, copy)));
  }
}
