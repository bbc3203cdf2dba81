package uk.schoolattendance.persons;

import java.util.concurrent.atomic.AtomicInteger;

/** Surnames no other test of the run uses: parents of the same name and address are one person. */
public final class TestFamilies {

  private static final AtomicInteger FAMILIES = new AtomicInteger();

  private TestFamilies() {}

  /** A new surname, e.g. "Personfamk3xq9a1". */
  public static String surname() {
    return "Personfam" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + FAMILIES.incrementAndGet();
  }
}
