package uk.schoolattendance.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** EA 1996 s8 at its edges: the term after the fifth birthday, the last Friday in June of the year of 16. */
class CompulsorySchoolAgeTest {

  private final CompulsorySchoolAge age = CompulsorySchoolAge.national();

  @Test
  void itBeginsOnThePrescribedDayOnOrAfterTheFifthBirthday() {
    // fifth birthday 1 September 2025 to 31 December 2025: 31 December 2025
    assertThat(age.beginsOn(LocalDate.of(2020, 9, 1))).isEqualTo(LocalDate.of(2020 + 5, 12, 31));
    assertThat(age.beginsOn(LocalDate.of(2020, 12, 30))).isEqualTo(LocalDate.of(2025, 12, 31));
    // a fifth birthday on a prescribed day: that day
    assertThat(age.beginsOn(LocalDate.of(2020, 12, 31))).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(age.beginsOn(LocalDate.of(2021, 3, 31))).isEqualTo(LocalDate.of(2026, 3, 31));
    // 1 January to 31 March: 31 March; 1 April to 31 August: 31 August
    assertThat(age.beginsOn(LocalDate.of(2021, 1, 1))).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(age.beginsOn(LocalDate.of(2021, 4, 1))).isEqualTo(LocalDate.of(2026, 8, 31));
    assertThat(age.beginsOn(LocalDate.of(2021, 8, 31))).isEqualTo(LocalDate.of(2026, 8, 31));
    // born on 29 February: the fifth birthday is 28 February, so 31 March
    assertThat(age.beginsOn(LocalDate.of(2020, 2, 29))).isEqualTo(LocalDate.of(2025, 3, 31));
  }

  @Test
  void itEndsOnTheLastFridayInJuneOfTheSchoolYearOfTheSixteenthBirthday() {
    // 16 on 15 March 2027: last Friday in June 2027 is 25 June
    assertThat(age.endsOn(LocalDate.of(2011, 3, 15))).isEqualTo(LocalDate.of(2027, 6, 25));
    // 16 on 31 August 2027, after the leaving date: still that leaving date
    assertThat(age.endsOn(LocalDate.of(2011, 8, 31))).isEqualTo(LocalDate.of(2027, 6, 25));
    // 16 on 1 September 2027: the next June (last Friday 30 June 2028)
    assertThat(age.endsOn(LocalDate.of(2011, 9, 1))).isEqualTo(LocalDate.of(2028, 6, 30));
  }

  @Test
  void anOrderCeasesWhenTheChildCeasesToBeOfCompulsorySchoolAge() {
    // Children Act 1989 Sch 3 para 15(6)(a): an order to end on 9 February 2028
    LocalDate recorded = LocalDate.of(2028, 2, 9);
    // born 31 August 2011: 16 on 31 August 2027, the school year 2026/27: ends on 25 June 2027
    assertThat(age.orderEndsOn(recorded, LocalDate.of(2011, 8, 31))).isEqualTo(LocalDate.of(2027, 6, 25));
    // born a day later, 1 September 2011: 16 in the school year 2027/28: the order runs to its own end
    assertThat(age.orderEndsOn(recorded, LocalDate.of(2011, 9, 1))).isEqualTo(recorded);
    // ... unless that end is after 30 June 2028, the last Friday in June 2028
    assertThat(age.orderEndsOn(LocalDate.of(2028, 9, 1), LocalDate.of(2011, 9, 1))).isEqualTo(LocalDate.of(2028, 6, 30));
    // the date of birth not known: the end as recorded
    assertThat(age.orderEndsOn(recorded, null)).isEqualTo(recorded);
  }

  @Test
  void aPeriodCountsOnlyWhenEveryDayIsInside() {
    LocalDate born = LocalDate.of(2021, 1, 10); // compulsory school age from 31 March 2026
    assertThat(age.coversPeriod(born, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 5, 1))).isFalse();
    assertThat(age.coversPeriod(born, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 5, 1))).isTrue();
  }
}
