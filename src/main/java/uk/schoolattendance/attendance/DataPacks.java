package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * A school's data pack for its Targeting Support Meeting (issue #15; Norfolk MI sheet 155/22,
 * Devon's core offer): the school's pupils by band and their movement since the end of the last
 * term, the severely absent pupils without a plan (no open attendance case), cohorts (year group,
 * SEN, free school meals, social worker) and the school against the local authority. Every
 * number is counted from the same figures as {@code GET /api/pupils/{upn}/attendance}.
 */
@Service
public class DataPacks {

  /** The bands in the order a pack shows them; pupils with no possible session yet are apart. */
  static final List<String> BANDS = List.of("not-persistent", "persistent", "severe", "chronic");
  static final String NO_SESSIONS = "no-possible-sessions";
  /** A gap of more calendar days than this between school days ends a term (a half-term is 9). */
  static final int TERM_BREAK_DAYS = 10;

  /** One pupil as the pack lists them. */
  public record PupilLine(
      String upn, String name, String yearGroup, String band, String bandShown, Double attendancePercent, int unauthorisedInLast10SchoolWeeks) {}

  /**
   * How many pupils are in a band now, and how many moved into and out of it since the last term.
   * {@code severe} counts every severely absent pupil (attendance at or below 50 %, the national
   * measure), the chronic ones included; {@code chronic} (below 30 %, local) is its sub-band, the
   * part of those pupils below 30 % ({@code partOf} {@code severe}); a pupil moving between the two
   * neither came into nor left severe absence.
   */
  public record BandCount(String band, String bandShown, String partOf, int pupils, int cameIn, int wentOut) {}

  /** Pupils whose band changed since the last term, from one band to another. */
  public record Movement(String from, String to, int pupils) {}

  /** A cohort: its pupils, their sessions and attendance, how many are persistently absent or worse. */
  public record Cohort(
      String by, String group, int pupils, int possibleSessions, int presentSessions, Double attendancePercent,
      int persistentOrWorse) {}

  /** A measure for the school and the local authority. */
  public record Comparison(String measure, Double school, Double authority) {}

  public record DataPack(
      String schoolUrn,
      String schoolName,
      LocalDate asOf,
      String academicYear,
      LocalDate lastTermEnded,
      int pupils,
      List<BandCount> bands,
      List<Movement> movements,
      List<PupilLine> pupilsByBand,
      List<PupilLine> severelyAbsentWithoutPlan,
      List<Cohort> cohorts,
      List<Comparison> comparison) {}

  private final AttendanceRegister register;
  private final RegisterCalendars calendars;
  private final SchoolDirectory schools;
  private final OpenCases openCases;
  private final JdbcTemplate jdbc;

  DataPacks(
      AttendanceRegister register, RegisterCalendars calendars, SchoolDirectory schools, OpenCases openCases,
      JdbcTemplate jdbc) {
    this.register = register;
    this.calendars = calendars;
    this.schools = schools;
    this.openCases = openCases;
    this.jdbc = jdbc;
  }

  /** The school's pack as of {@code asOf}. */
  public DataPack of(String urn, LocalDate asOf) {
    List<AttendanceRegister.Pupil> pupils = register.pupilsWithDetailsAt(urn, asOf);
    List<String> upns = pupils.stream().map(AttendanceRegister.Pupil::upn).toList();
    Map<String, Figures> now = register.figures(upns, asOf);
    LocalDate lastTerm = lastTermEnded(urn, asOf);
    Map<String, Figures> then = lastTerm == null ? Map.of() : register.figures(upns, lastTerm);
    Map<String, OpenCases.OpenCase> open = openCases.byUpn();

    List<PupilLine> lines = new ArrayList<>();
    List<PupilLine> severeWithoutPlan = new ArrayList<>();
    Map<String, int[]> bandCounts = new LinkedHashMap<>();
    for (String band : BANDS) {
      bandCounts.put(band, new int[3]);
    }
    bandCounts.put(NO_SESSIONS, new int[3]);
    // a band a pupil was in last term that is no longer a band (an analyst's change) is counted too
    Map<String, int[]> formerBands = new LinkedHashMap<>();
    Map<List<String>, Integer> moves = new LinkedHashMap<>();
    for (AttendanceRegister.Pupil pupil : pupils) {
      Figures f = now.get(pupil.upn());
      String band = band(f);
      PupilLine line = new PupilLine(pupil.upn(), pupil.name(), pupil.yearGroup(), band,
          NO_SESSIONS.equals(band) ? bandShown(band) : BandWords.of(band),
          f == null ? null : f.attendancePercent(), f == null ? 0 : f.unauthorisedInLast10SchoolWeeks());
      lines.add(line);
      if (BandWords.severe(band) && !open.containsKey(pupil.upn())) {
        severeWithoutPlan.add(line);
      }
      Figures before = then.get(pupil.upn());
      String was = before == null || before.band() == null ? null : before.band();
      for (Map.Entry<String, int[]> count : bandCounts.entrySet()) {
        boolean isIn = in(count.getKey(), band);
        boolean wasIn = was != null && in(count.getKey(), was);
        count.getValue()[0] += isIn ? 1 : 0;
        count.getValue()[1] += was != null && isIn && !wasIn ? 1 : 0;
        count.getValue()[2] += wasIn && !isIn ? 1 : 0;
      }
      if (was != null && !bandCounts.containsKey(was)) {
        formerBands.computeIfAbsent(was, k -> new int[3])[2]++;
      }
      if (was != null && !was.equals(band)) {
        moves.merge(List.of(was, band), 1, Integer::sum);
      }
    }
    bandCounts.putAll(formerBands);
    lines.sort((a, b) -> BANDS.indexOf(b.band()) - BANDS.indexOf(a.band()));
    List<BandCount> bands = new ArrayList<>();
    bandCounts.forEach((band, c) -> bands.add(new BandCount(band, bandShown(band), "chronic".equals(band) ? "severe" : null,
        c[0], c[1], c[2])));
    List<Movement> movements = new ArrayList<>();
    moves.forEach((k, n) -> movements.add(new Movement(k.get(0), k.get(1), n)));

    List<Cohort> cohorts = new ArrayList<>();
    cohorts.addAll(cohorts("year group", pupils, now, p -> p.yearGroup() == null ? "unknown" : "Year " + p.yearGroup()));
    cohorts.addAll(cohorts("SEN", pupils, now, p -> sen(p.senProvision())));
    cohorts.addAll(cohorts("free school meals", pupils, now, p -> yesNo(p.freeSchoolMeals())));
    cohorts.addAll(cohorts("social worker", pupils, now, p -> yesNo(p.socialWorker())));

    List<Comparison> comparison = comparison(now.values(), register.figures(allPupils(), asOf).values());
    String name = schools.find(urn).map(s -> s.name()).orElse("URN " + urn);
    return new DataPack(urn, name, asOf, SchoolDays.academicYearName(asOf), lastTerm, pupils.size(), bands, movements,
        lines, severeWithoutPlan, cohorts, comparison);
  }

  /** The last school day of the term before the one that holds {@code asOf}, in the school's calendar; null if unknown. */
  LocalDate lastTermEnded(String urn, LocalDate asOf) {
    SchoolDays days = calendars.of(Integer.parseInt(urn));
    LocalDate previous = null;
    for (LocalDate day = asOf; days.covers(day) && day.isAfter(asOf.minusDays(400)); day = day.minusDays(1)) {
      if (days.isSchoolDay(day)) {
        if (previous != null && previous.toEpochDay() - day.toEpochDay() > TERM_BREAK_DAYS) {
          return day;
        }
        previous = day;
      }
    }
    return null;
  }

  private static List<Cohort> cohorts(
      String by, List<AttendanceRegister.Pupil> pupils, Map<String, Figures> figures,
      Function<AttendanceRegister.Pupil, String> group) {
    Map<String, List<Figures>> groups = new TreeMap<>();
    for (AttendanceRegister.Pupil pupil : pupils) {
      List<Figures> members = groups.computeIfAbsent(group.apply(pupil), k -> new ArrayList<>());
      Figures f = figures.get(pupil.upn());
      if (f != null) {
        members.add(f);
      }
    }
    List<Cohort> result = new ArrayList<>();
    Map<String, Integer> sizes = new TreeMap<>();
    pupils.forEach(p -> sizes.merge(group.apply(p), 1, Integer::sum));
    groups.forEach((name, members) -> {
      int possible = members.stream().mapToInt(Figures::possibleSessions).sum();
      int present = members.stream().mapToInt(Figures::presentSessions).sum();
      result.add(new Cohort(by, name, sizes.get(name), possible, present,
          Figures.rounded(Figures.percent(present, possible)), count(members, DataPacks::persistentOrWorse)));
    });
    return result;
  }

  private static List<Comparison> comparison(Collection<Figures> school, Collection<Figures> authority) {
    return List.of(
        new Comparison("attendance %", attendance(school), attendance(authority)),
        new Comparison("persistently absent or worse, % of pupils", share(school, DataPacks::persistentOrWorse),
            share(authority, DataPacks::persistentOrWorse)),
        new Comparison("severely absent (50 % or less, chronic included), % of pupils",
            share(school, f -> BandWords.severe(f.band())), share(authority, f -> BandWords.severe(f.band()))));
  }

  private List<String> allPupils() {
    return jdbc.query("SELECT upn FROM att_pupil ORDER BY upn", (rs, n) -> rs.getString(1).trim());
  }

  static boolean persistentOrWorse(Figures f) {
    return f.band() != null && !"not-persistent".equals(f.band());
  }

  private static Double attendance(Collection<Figures> figures) {
    int possible = figures.stream().mapToInt(Figures::possibleSessions).sum();
    int present = figures.stream().mapToInt(Figures::presentSessions).sum();
    return Figures.rounded(Figures.percent(present, possible));
  }

  private static Double share(Collection<Figures> figures, Predicate<Figures> which) {
    long counted = figures.stream().filter(f -> f.possibleSessions() > 0).count();
    return counted == 0 ? null : Figures.rounded(100.0 * count(figures, which) / counted);
  }

  private static int count(Collection<Figures> figures, Predicate<Figures> which) {
    return (int) figures.stream().filter(f -> f.possibleSessions() > 0).filter(which).count();
  }

  /** Whether a pupil in {@code band} is counted in the pack's row {@code row}: severe counts its chronic sub-band. */
  static boolean in(String row, String band) {
    return row.equals(band) || ("severe".equals(row) && BandWords.severe(band));
  }

  /** A row of the pack's bands in words: severe with its sub-band included, chronic as that sub-band. */
  static String bandShown(String band) {
    return switch (band) {
      case "severe" -> "Severe absence (50 % or less, chronic included)";
      case "chronic" -> "of whom below 30 % (chronic)";
      case NO_SESSIONS -> "No possible sessions yet";
      default -> BandWords.of(band);
    };
  }

  private static String band(Figures f) {
    return f == null || f.band() == null ? NO_SESSIONS : f.band();
  }

  private static String sen(String provision) {
    if (provision == null || provision.isBlank()) {
      return "none recorded";
    }
    return switch (provision.trim().toUpperCase(Locale.ROOT)) {
      case "E" -> "EHC plan";
      case "K" -> "SEN support";
      case "N" -> "none";
      default -> provision.trim();
    };
  }

  private static String yesNo(Boolean value) {
    return value == null ? "not recorded" : value ? "yes" : "no";
  }
}
