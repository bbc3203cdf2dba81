package uk.schoolattendance.notices;

import uk.schoolattendance.ProcessEngineFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Notice numbers come from a database counter: consecutive per year, never repeated. */
class PenaltyNoticeNumbersTest {

  final ProcessEngineFixture notices = ProcessEngineFixture.builder("numbers-test").build();

  @Test
  void numbersAreConsecutiveWithinAYearAndRestartInTheNext() {
    assertThat(notices.numbers.next(LocalDate.of(2026, 3, 1))).isEqualTo("PN-2026-000001");
    assertThat(notices.numbers.next(LocalDate.of(2026, 12, 31))).isEqualTo("PN-2026-000002");
    assertThat(notices.numbers.next(LocalDate.of(2027, 1, 1))).isEqualTo("PN-2027-000001");
  }

  @Test
  void concurrentAllocationsNeverRepeatANumber() throws InterruptedException {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 40; i++) {
      pool.submit(() -> seen.add(notices.numbers.next(LocalDate.of(2028, 5, 1))));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    assertThat(seen).hasSize(40).contains("PN-2028-000001", "PN-2028-000040");
  }
}
