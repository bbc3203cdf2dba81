package uk.schoolattendance.attendance;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import uk.schoolattendance.schools.CalendarProperties.AcademicYear;

/**
 * The register of attendance marks, {@code attendance.register} (docs/register.md). Law is data:
 * the code sets, the threshold and the schools' own term dates are here, with national defaults
 * in application.yaml.
 *
 * @param codeSets the statutory code sets, each in force from its date (2024: SI 2024/208)
 * @param codeMapping school-system codes (SIMS, Bromcom, Arbor...) to statutory codes
 * @param threshold the national threshold's window in school weeks (its sessions are the
 *     NationalThreshold decision's: {@link ThresholdSessions})
 * @param schoolCalendars a school's own term dates and INSET days, by URN; the LA's calendar
 *     ({@code attendance.calendar}) for every school and year not listed
 * @param batchSize marks written per transaction
 * @param ctfWeekendsInMarks whether a CTF's {@code AttendanceMarks} string holds Saturdays and
 *     Sundays (the DfE's files hold school weekdays only)
 * @param staleAfter a running import with no progress for this long is shown as interrupted
 * @param rejectionsInAnswer rejections listed in the import's answer (all are kept and paged)
 * @param maxFileSize the largest file an import takes (the application's 5 MB request limit does not
 *     apply to register files: they are streamed, never held in memory)
 * @param pageMaxFileSize the largest file the case file's "Import register marks" page takes (15 MB
 *     unless configured, about 200,000 rows of the CSV layout): a page's upload is held by the
 *     server until it is complete, so this sits below the server's own limit on an upload
 *     ({@code spring.servlet.multipart.max-file-size}) and the page, not the server, refuses a larger
 *     file, naming the limit; larger files go to the API, which streams them
 * @param noticeReasonCodes a penalty notice's reason (the census's term-time holiday, late arrival)
 *     and the statutory codes that make it: proposed at the Pupil Planning Meeting when every
 *     unauthorised session of the offence period has one of its codes; otherwise "other"
 *     (national default: holiday G, late U)
 */
@ConfigurationProperties("attendance.register")
public record RegisterProperties(
    List<CodeSet> codeSets,
    Map<String, String> codeMapping,
    Threshold threshold,
    Map<String, SchoolCalendar> schoolCalendars,
    @DefaultValue("20000") int batchSize,
    @DefaultValue("false") boolean ctfWeekendsInMarks,
    @DefaultValue("PT10M") Duration staleAfter,
    @DefaultValue("1000") int rejectionsInAnswer,
    @DefaultValue("4GB") org.springframework.util.unit.DataSize maxFileSize,
    @DefaultValue("15MB") org.springframework.util.unit.DataSize pageMaxFileSize,
    Map<String, List<String>> noticeReasonCodes) {

  public RegisterProperties {
    codeSets = codeSets == null ? List.of() : List.copyOf(codeSets);
    codeMapping = codeMapping == null ? Map.of() : Map.copyOf(codeMapping);
    threshold = threshold == null ? new Threshold(10) : threshold;
    schoolCalendars = schoolCalendars == null ? Map.of() : Map.copyOf(schoolCalendars);
    noticeReasonCodes = noticeReasonCodes == null || noticeReasonCodes.isEmpty()
        ? Map.of("holiday", List.of("G"), "late", List.of("U"))
        : stripped(noticeReasonCodes);
    checkNoticeReasonCodes(noticeReasonCodes, codeSets);
    if (batchSize < 1) {
      throw new IllegalStateException("attendance.register.batch-size must be at least 1");
    }
  }

  /**
   * The reasons {@code notice-reason-codes} may name: the census's term-time holiday and late
   * arrival ("other", a mixture of codes, is what is left: it has no codes of its own).
   */
  public static final List<String> NOTICE_REASONS = List.of("holiday", "late");

  /** The codes as the register's marks are compared with them: stripped, upper case (a quoted " g" is G). */
  private static Map<String, List<String>> stripped(Map<String, List<String>> reasons) {
    Map<String, List<String>> codes = new java.util.LinkedHashMap<>();
    reasons.forEach((reason, listed) -> codes.put(reason, listed == null ? List.of()
        : listed.stream().map(code -> code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT)).toList()));
    return Map.copyOf(codes);
  }

  /**
   * A council's typo must not be ignored: a reason that is not one of {@link #NOTICE_REASONS}, a
   * reason with no codes, a code that is not an unauthorised absence code of the register's code
   * sets (a blank one included), or a code listed under two reasons stops start-up, naming the key
   * and what it may be.
   */
  private static void checkNoticeReasonCodes(Map<String, List<String>> reasons, List<CodeSet> codeSets) {
    java.util.Set<String> unauthorised = new java.util.TreeSet<>();
    codeSets.forEach(set -> set.unauthorised().forEach(code -> unauthorised.add(code.toUpperCase(java.util.Locale.ROOT))));
    Map<String, String> reasonOf = new java.util.HashMap<>();
    for (Map.Entry<String, List<String>> reason : new java.util.TreeMap<>(reasons).entrySet()) {
      String key = "attendance.register.notice-reason-codes." + reason.getKey();
      if (!NOTICE_REASONS.contains(reason.getKey())) {
        throw new IllegalStateException(key + ": '" + reason.getKey() + "' is not a reason for a penalty notice: the reasons"
            + " are " + String.join(" and ", NOTICE_REASONS) + " (a mixture of codes is 'other', which has no codes)");
      }
      if (reason.getValue() == null || reason.getValue().isEmpty()) {
        throw new IllegalStateException(key + ": list the unauthorised absence codes that make a notice's reason "
            + reason.getKey() + " (one or more of " + String.join(", ", unauthorised) + ")");
      }
      for (String code : reason.getValue()) {
        String upper = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!unauthorised.isEmpty() && !unauthorised.contains(upper)) {
          throw new IllegalStateException(key + ": '" + code + "' is not an unauthorised absence code of the register's"
              + " code sets (attendance.register.code-sets): use one or more of " + String.join(", ", unauthorised));
        }
        String other = reasonOf.putIfAbsent(upper, reason.getKey());
        if (other != null && !other.equals(reason.getKey())) {
          throw new IllegalStateException(key + ": '" + upper + "' is also listed under " + other
              + ": a code makes one reason only (list it under one of them)");
        }
      }
    }
  }

  /**
   * A statutory code set and the meaning of each code: present (approved educational activity
   * included), authorised, unauthorised, or not a possible session.
   */
  public record CodeSet(
      String name,
      LocalDate from,
      List<String> present,
      List<String> authorised,
      List<String> unauthorised,
      List<String> notPossible) {

    public CodeSet {
      present = present == null ? List.of() : List.copyOf(present);
      authorised = authorised == null ? List.of() : List.copyOf(authorised);
      unauthorised = unauthorised == null ? List.of() : List.copyOf(unauthorised);
      notPossible = notPossible == null ? List.of() : List.copyOf(notPossible);
    }
  }

  /**
   * The threshold's window: unauthorised sessions are counted within a rolling {@code schoolWeeks}
   * school weeks (national default 10). The number of sessions is not set here but in the
   * NationalThreshold decision, its one source ({@link ThresholdSessions}, docs/analysts.md): a
   * {@code sessions} setting left from an earlier release is refused, not silently ignored.
   */
  public record Threshold(int schoolWeeks) {
    public Threshold {
      if (schoolWeeks < 1) {
        throw new IllegalStateException("attendance.register.threshold.school-weeks must be at least 1");
      }
    }

    /**
     * What the binder calls: {@code sessions} is bound only to be refused, so the record keeps no
     * component that is always null.
     */
    @org.springframework.boot.context.properties.bind.ConstructorBinding
    Threshold(Integer sessions, @DefaultValue("10") int schoolWeeks) {
      this(refusedSessions(sessions, schoolWeeks));
    }

    private static int refusedSessions(Integer sessions, int schoolWeeks) {
      if (sessions != null) {
        throw new IllegalStateException("attendance.register.threshold.sessions: the threshold's sessions are set in the"
            + " NationalThreshold decision (docs/analysts.md, \"The national threshold\"); remove this setting and deploy the"
            + " decision with " + sessions + " sessions instead");
      }
      return schoolWeeks;
    }
  }

  /**
   * A school's own calendar (academies set their own term dates): academic years that replace the
   * LA's years of the same name, and INSET days (closed to pupils) on top of either.
   */
  public record SchoolCalendar(List<AcademicYear> academicYears, List<LocalDate> insetDays) {
    public SchoolCalendar {
      academicYears = academicYears == null ? List.of() : List.copyOf(academicYears);
      insetDays = insetDays == null ? List.of() : List.copyOf(insetDays);
    }
  }
}
