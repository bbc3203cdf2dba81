package uk.schoolattendance.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.MarkImporter;
import uk.schoolattendance.attendance.RegisterCalendars;
import uk.schoolattendance.attendance.SchoolDays;
import uk.schoolattendance.process.Upn;
import uk.schoolattendance.schools.CalendarNotConfigured;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * A generated register for the demo schools on first start (demo profile, an empty register):
 * {@value #PUPILS_PER_SCHOOL} pupils per school with marks for this academic year to date (from
 * last September in the first weeks of a school year), imported
 * through the register's own import (so identification runs and its tasks appear). Realistic and
 * always the same (a fixed seed): about one pupil in five persistently absent, a few severely and
 * chronically absent, term-time holidays coded G (some meeting the national threshold), illness,
 * appointments and late marks, most pupils with their parents on record.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "attendance.demo.register", havingValue = "true")
class DemoRegister {

  static final int PUPILS_PER_SCHOOL = 150;
  static final long FIRST_UPN = 801_300_000_000L;
  /** Fewer school days than this (six school weeks) this year: the register starts last September. */
  static final int RECENT_SCHOOL_DAYS = 30;
  private static final Logger LOG = LoggerFactory.getLogger(DemoRegister.class);
  private static final List<String> FORENAMES = List.of("Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia",
      "Leo", "Ivy", "Arthur", "Freya", "Muhammad", "Lily", "Harry", "Sophia", "Oscar", "Grace", "Jack", "Zara",
      "Theo", "Maya", "Alfie", "Ella", "Finley", "Ruby", "Kai", "Aisha", "Jayden", "Chloe", "Reuben");
  private static final List<String> SURNAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
      "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
      "Hall", "Khan", "Wood", "Lewis", "Harris", "Martin", "Jackson", "Clarke", "Okafor", "Nowak", "Kowalski",
      "Ahmed", "Murphy");
  private static final List<String> STREETS = List.of("Station Road", "Victoria Avenue", "London Road", "Church Lane",
      "Hamlet Court Road", "Southchurch Avenue", "Fairfax Drive", "Queensway", "Prittlewell Chase", "Kent Elms Close");

  private final MarkImporter importer;
  private final RegisterCalendars calendars;
  private final SchoolCalendar calendar;
  private final JdbcTemplate jdbc;

  private final LocalDate today;

  /**
   * @param today the day the register runs to (the day before it is the last with marks); today by
   *     the engine's clock unless {@code attendance.demo.today} says otherwise (tests)
   */
  DemoRegister(
      MarkImporter importer,
      RegisterCalendars calendars,
      SchoolCalendar calendar,
      JdbcTemplate jdbc,
      @org.springframework.beans.factory.annotation.Value("${attendance.demo.today:#{null}}") LocalDate today) {
    this.importer = importer;
    this.calendars = calendars;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.today = today;
  }

  @EventListener
  @Order(25)
  public void createDemoRegister(ApplicationReadyEvent event) {
    Integer imports = jdbc.queryForObject("SELECT COUNT(*) FROM att_import", Integer.class);
    if (imports != null && imports > 0) {
      return;
    }
    LocalDate today = this.today == null ? calendar.today() : this.today;
    Random random = new Random(2026);
    int n = 0;
    for (String urn : List.of("100001", "100002")) {
      SchoolDays days = calendars.of(Integer.parseInt(urn));
      if (days == null || !days.covers(today)) {
        LOG.warn("Demo register: no register generated for school {}: {}", urn,
            new CalendarNotConfigured(today).getMessage());
        continue;
      }
      LocalDate yearStart = from(days, today);
      StringBuilder csv = new StringBuilder(
          "upn,urn,date,session,code,forename,surname,dateOfBirth,yearGroup,senProvision,freeSchoolMeals,"
              + "socialWorker,address,parent1Name,parent1Relationship,parent1Address,parent2Name,parent2Relationship,"
              + "parent2Address\n");
      for (int i = 0; i < PUPILS_PER_SCHOOL; i++) {
        pupil(csv, random, urn, FIRST_UPN + (++n), days, yearStart, today.minusDays(1));
      }
      int id = importer.importFile(MarkImporter.Format.CSV,
          new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), (long) csv.length(),
          "demo-register", u -> true, true, today);
      LOG.info("Demo register: school {} imported (import {})", urn, id);
    }
  }

  /**
   * The first day of the generated marks: this academic year's first day, or the previous
   * academic year's when this one has fewer than {@value #RECENT_SCHOOL_DAYS} school days before
   * today (the first weeks of a school year: a register of two days would give no pupil a history
   * of absence, and the threshold window of the last school weeks reaches into last year).
   */
  static LocalDate from(SchoolDays days, LocalDate today) {
    LocalDate yearStart = SchoolDays.academicYearStart(today);
    long schoolDays = yearStart.datesUntil(today).filter(days::isSchoolDay).count();
    LocalDate previous = SchoolDays.academicYearStart(yearStart.minusDays(1));
    return schoolDays < RECENT_SCHOOL_DAYS && days.covers(previous) ? previous : yearStart;
  }

  /** One pupil's register: a profile, maybe a term-time holiday, then each school day's two marks. */
  private void pupil(StringBuilder csv, Random random, String urn, long number, SchoolDays days, LocalDate from,
      LocalDate to) {
    double profile = random.nextDouble();
    double absence = profile < 0.02 ? 0.75 : profile < 0.06 ? 0.55 : profile < 0.20 ? 0.14 : 0.03;
    boolean holiday = random.nextDouble() < 0.08;
    int holidayDays = 5 + random.nextInt(4);
    int schoolDays = (int) from.datesUntil(to.plusDays(1)).filter(days::isSchoolDay).count();
    int holidayStart = schoolDays > holidayDays ? random.nextInt(schoolDays - holidayDays) : -1;
    boolean primary = "100001".equals(urn);
    int year = primary ? random.nextInt(7) : 7 + random.nextInt(5);
    String forename = FORENAMES.get(random.nextInt(FORENAMES.size()));
    String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
    LocalDate birth = LocalDate.of(SchoolDays.academicYearStart(to.plusDays(1)).getYear() - 5 - year, 9, 1).plusDays(random.nextInt(365));
    String address = "\"" + (1 + random.nextInt(180)) + " " + STREETS.get(random.nextInt(STREETS.size()))
        + ", Southend-on-Sea SS" + (1 + random.nextInt(9)) + " " + (1 + random.nextInt(9)) + "AA\"";
    String details = String.join(",", forename, surname, birth.toString(), year == 0 ? "R" : String.valueOf(year),
        random.nextDouble() < 0.13 ? (random.nextDouble() < 0.2 ? "E" : "K") : "N",
        String.valueOf(random.nextDouble() < (absence > 0.1 ? 0.45 : 0.22)),
        String.valueOf(absence > 0.5 && random.nextDouble() < 0.3), address);
    String parents = random.nextDouble() < 0.92
        ? String.join(",", "Alex " + surname, random.nextBoolean() ? "mother" : "father", address,
            random.nextBoolean() ? "Sam " + surname : "", "", "")
        : ",,,,,";
    String upn = Upn.of(number);
    int index = 0;
    boolean first = true;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (!days.isSchoolDay(day)) {
        continue;
      }
      String[] codes = holiday && index >= holidayStart && index < holidayStart + holidayDays
          ? new String[] {"G", "G"}
          : day(random, absence);
      index++;
      for (int session = 0; session < 2; session++) {
        csv.append(upn).append(',').append(urn).append(',').append(day).append(',')
            .append(session == 0 ? "AM" : "PM").append(',').append(codes[session]);
        if (first) {
          csv.append(',').append(details).append(',').append(parents);
          first = false;
        }
        csv.append('\n');
      }
    }
  }

  /** A day's two marks for a pupil who misses about {@code absence} of the time. */
  private static String[] day(Random random, double absence) {
    double roll = random.nextDouble();
    if (roll >= absence) {
      return new String[] {random.nextDouble() < 0.03 ? "L" : "/", "\\"};
    }
    double why = random.nextDouble();
    String code = absence > 0.5
        ? (why < 0.45 ? "O" : why < 0.75 ? "N" : why < 0.95 ? "I" : "U")
        : (why < 0.55 ? "I" : why < 0.7 ? "M" : why < 0.85 ? "N" : why < 0.95 ? "O" : "U");
    return "M".equals(code) && random.nextBoolean() ? new String[] {code, "\\"} : new String[] {code, code};
  }
}
