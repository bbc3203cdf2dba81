package uk.schoolattendance.casefile.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A printed copy nobody fetches does not stay in memory: it is given up after a minute or for room. */
class PrintedCopiesTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));

  @Test
  void aCopyNotFetchedWithinAMinuteIsGivenUp() {
    PrintedCopies copies = new PrintedCopies(now::get, 1_000);
    copies.made(7, 1, new byte[100]);
    copies.made(7, 2, new byte[100]);

    now.set(now.get().plusSeconds(30));
    assertThat(copies.take(7, 1)).isPresent();

    now.set(now.get().plus(PrintedCopies.KEPT));
    assertThat(copies.take(7, 2)).isEmpty();
    assertThat(copies.heldBytes()).isZero();
  }

  @Test
  void aStaleCopyIsGivenUpWhenTheNextIsMadeEvenIfNeverAskedFor() {
    PrintedCopies copies = new PrintedCopies(now::get, 1_000);
    copies.made(7, 1, new byte[400]);
    now.set(now.get().plus(PrintedCopies.KEPT).plus(Duration.ofSeconds(1)));
    copies.made(8, 1, new byte[100]);
    assertThat(copies.heldBytes()).isEqualTo(100);
  }

  @Test
  void theCopiesHeldNeverExceedTheByteLimitTheOldestGoingFirst() {
    PrintedCopies copies = new PrintedCopies(now::get, 1_000);
    copies.made(7, 1, new byte[400]);
    copies.made(7, 2, new byte[400]);
    copies.made(7, 3, new byte[400]);

    assertThat(copies.heldBytes()).isEqualTo(800);
    assertThat(copies.take(7, 1)).isEmpty();
    assertThat(copies.take(7, 2)).isPresent();
    assertThat(copies.take(7, 3)).isPresent();
  }

  @Test
  void aCopyLargerThanTheLimitIsNotHeldAndItsFetchRendersIt() {
    PrintedCopies copies = new PrintedCopies(now::get, 1_000);
    copies.made(7, 1, new byte[300]);
    copies.made(7, 2, new byte[1_001]);
    assertThat(copies.take(7, 2)).isEmpty();
    assertThat(copies.take(7, 1)).isPresent();
  }

  @Test
  void atMostSixteenAreHeld() {
    PrintedCopies copies = new PrintedCopies(now::get, 1_000_000);
    for (int copy = 1; copy <= PrintedCopies.HELD + 1; copy++) {
      copies.made(7, copy, new byte[10]);
    }
    assertThat(copies.take(7, 1)).isEmpty();
    assertThat(copies.take(7, PrintedCopies.HELD + 1)).isPresent();
  }
}
