package uk.schoolattendance.attendance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.attendance.OpenCases.OpenCase;
import uk.schoolattendance.attendance.PupilStatus.Status;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.process.CaseFacts;

/**
 * Identification after an import (DfE stage Monitor): the figures of every pupil the import
 * brought marks for are recomputed in the database, and the decision {@code
 * AttendanceIdentification} says which pupils newly entered a band or met the threshold this
 * year. Then the work, once:
 *
 * <ul>
 *   <li>a pupil with an open {@code AttendanceCase} gets {@code AttendanceUpdated} with the new
 *       figures whenever they differ from the case's (the case's figures follow the marks), as the
 *       case's own school may read them: a case that stayed with the school the pupil left gets the
 *       figures as of the leaving date, never the new school's days;
 *   <li>newly identified pupils without an open case go, school by school, on one {@code
 *       ReviewIdentifiedPupils} task for the school's attendance lead or named officer;
 *   <li>a severely absent pupil with no plan is flagged for the school's next Targeting Support
 *       Meeting (decision {@code TargetingSupportFlag}).
 * </ul>
 *
 * <p>What was turned into work is kept per pupil and academic year ({@code att_pupil_status}), so
 * running identification again for the same import, or for a later import with the same figures,
 * produces nothing new. Runs in the transaction of the service task's job: all or nothing.
 */
@Component
class Identification {

  private static final Logger LOG = LoggerFactory.getLogger(Identification.class);
  private static final List<String> BANDS = List.of("none", "not-persistent", "persistent", "severe", "chronic");

  /** What one run produced. */
  record Outcome(int pupils, int identified, int casesUpdated, int reviews, int flagged) {}

  private final AttendanceRegister register;
  private final PupilStatus statuses;
  private final OpenCases openCases;
  private final IdentifiedPupils identifiedPupils;
  private final ImportRecords records;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final RepositoryService repository;
  private final DecisionService decisions;
  private final JdbcTemplate jdbc;
  private final CaseCorrections corrections;
  private final ReviewForm reviewForm;
  private final OffRollCases offRoll;

  Identification(
      AttendanceRegister register,
      PupilStatus statuses,
      OpenCases openCases,
      IdentifiedPupils identifiedPupils,
      ImportRecords records,
      RuntimeService runtime,
      HistoryService history,
      RepositoryService repository,
      DecisionService decisions,
      JdbcTemplate jdbc,
      CaseCorrections corrections,
      ReviewForm reviewForm,
      OffRollCases offRoll) {
    this.offRoll = offRoll;
    this.corrections = corrections;
    this.reviewForm = reviewForm;
    this.register = register;
    this.statuses = statuses;
    this.openCases = openCases;
    this.identifiedPupils = identifiedPupils;
    this.records = records;
    this.runtime = runtime;
    this.history = history;
    this.repository = repository;
    this.decisions = decisions;
    this.jdbc = jdbc;
  }

  Outcome run(int importId, LocalDate asOf) {
    ImportRecords.Import done = records.get(importId).orElse(null);
    if (done == null || done.identifiedAt() != null) {
      return new Outcome(0, 0, 0, 0, 0);
    }
    long started = System.nanoTime();
    Map<Integer, Figures> figures = register.figuresOfImport(importId, asOf, done.firstMarkDate());
    long figured = System.nanoTime();
    int year = SchoolDays.academicYearStart(asOf).getYear();
    Map<Integer, Status> known = statuses.ofImport(importId, year);
    Map<String, OpenCase> cases = openCases.byUpn();
    Map<List<Object>, Map<String, Object>> decided = new HashMap<>();
    Map<Integer, List<IdentifiedPupils.Entry>> bySchool = new TreeMap<>();
    List<Status> updated = new ArrayList<>();
    List<Object[]> flags = new ArrayList<>();
    Map<List<Object>, Boolean> flagged = new HashMap<>();
    int identified = 0;
    int casesUpdated = 0;
    int casesMoved = 0;
    // the open cases at their pupil's main school, checked against its roll below (one statement, not a read a pupil)
    Map<Integer, OpenCase> atMainSchool = new HashMap<>();
    for (Map.Entry<Integer, Figures> entry : figures.entrySet()) {
      int pupilId = entry.getKey();
      Figures f = entry.getValue();
      Status before = known.getOrDefault(pupilId, Status.none(pupilId, year));
      String band = f.band() == null ? "none" : f.band();
      // met from the import's earliest mark on, or already known this year
      boolean thresholdMet = f.thresholdMetOn() != null || before.thresholdMetOn() != null;
      Map<String, Object> decision = decided.computeIfAbsent(
          List.of(band, before.identifiedBand(), thresholdMet, before.thresholdMetOn() != null),
          k -> decide(band, before.identifiedBand(), thresholdMet, before.thresholdMetOn() != null));
      boolean isIdentified = Boolean.TRUE.equals(decision.get("identified"));
      OpenCase open = cases.get(f.upn());
      Figures ofCase = f;
      if (open != null && open.schoolUrn() != null && !open.schoolUrn().equals(f.schoolUrn())) {
        AttendanceRegister.Pupil pupil = register.pupil(f.upn()).orElse(null);
        if (followsPupil(open, f, pupil)) {
          casesMoved++; // the case is now the main registration's school's: today's figures
        } else {
          ofCase = figuresAtCaseSchool(open, f, pupil);
        }
      } else if (open != null && open.schoolUrn() != null && open.caseReference() != null) {
        atMainSchool.put(pupilId, open);
      }
      if (open != null && ofCase != null && ofCase.attendancePercent() != null && open.differs(ofCase)) {
        runtime.createMessageCorrelation(AttendanceCase.ATTENDANCE_UPDATED.name())
            .processInstanceId(open.processInstanceId())
            .setVariables(figuresVariables(ofCase))
            .correlateWithResult();
        casesUpdated++;
      }
      if (isIdentified) {
        identified++;
        if (open == null) {
          bySchool.computeIfAbsent(Integer.valueOf(f.schoolUrn()), k -> new ArrayList<>())
              .add(new IdentifiedPupils.Entry(pupilId, f, (String) decision.get("reason"), importId));
        }
      }
      boolean hasPlan = open != null;
      if (Boolean.TRUE.equals(shouldFlag(band, hasPlan, flagged))) {
        flags.add(new Object[] {pupilId, Integer.valueOf(f.schoolUrn()), year, Date.valueOf(asOf), band,
            f.attendancePercent(), importId});
      }
      String identifiedBand = worse(before.identifiedBand(), isIdentified || open != null ? band : "none");
      LocalDate metOn = before.thresholdMetOn() != null ? before.thresholdMetOn() : f.thresholdMetOn();
      Status after = new Status(pupilId, year, identifiedBand, metOn, before.stored());
      if (!after.sameWorkAs(before)) {
        updated.add(after);
      }
    }
    int offTheRoll = checkRoll(importId, atMainSchool, figures);
    long decided2 = System.nanoTime();
    statuses.save(updated, importId);
    int flaggedCount = statuses.flag(flags);
    long saved = System.nanoTime();
    int reviews = 0;
    for (Map.Entry<Integer, List<IdentifiedPupils.Entry>> school : bySchool.entrySet()) {
      reviews += startReview(importId, school.getKey(), school.getValue()) ? 1 : 0;
    }
    records.identified(importId);
    jdbc.update("DELETE FROM att_import_pupil WHERE import_id = ?", importId);
    LOG.info("Register import {}: {} pupils, {} identified, {} cases updated, {} cases moved with their pupil, {} cases whose"
            + " pupil left the roll of their main school, {} reviews, {} flagged (figures {} s, decisions and cases {} s,"
            + " statuses and flags {} s, reviews {} s)",
        importId, figures.size(), identified, casesUpdated, casesMoved, offTheRoll, reviews, flaggedCount, seconds(started, figured),
        seconds(figured, decided2), seconds(decided2, saved), seconds(saved, System.nanoTime()));
    return new Outcome(figures.size(), identified, casesUpdated, reviews, flaggedCount);
  }

  /**
   * The open cases at their pupil's main school, checked against its roll as the other schools'
   * cases are ({@link #followsPupil}): a pupil the school sent a leaving date for that has passed, with
   * no other school's main registration to follow, left the case at a school whose roll no longer
   * holds them. Such a case is recorded for the authority ({@link OffRollCases}: "Cases that did not
   * follow their pupil" lists it) instead of staying there silently; one whose pupil is on the roll
   * again is forgotten. One statement reads the roll of all of them; the number off the roll.
   */
  private int checkRoll(int importId, Map<Integer, OpenCase> atMainSchool, Map<Integer, Figures> figures) {
    if (atMainSchool.isEmpty()) {
      return 0;
    }
    Map<Integer, LocalDate> left = register.leftMainSchool(atMainSchool.keySet());
    List<OffRollCases.Checked> checked = new ArrayList<>();
    atMainSchool.forEach((pupilId, open) -> checked.add(new OffRollCases.Checked(
        open.caseReference(), figures.get(pupilId).upn(), open.schoolUrn(), left.get(pupilId))));
    offRoll.checked(importId, uk.schoolattendance.engine.EngineClock.now().toInstant(), checked);
    return left.size();
  }

  /**
   * A pupil whose main registration moved: when the pupil is no longer on the roll of the open
   * case's school (its leaving date past) the case follows the pupil to the school of the main
   * registration ({@link CaseCorrections#followPupilToSchool}), so the old school's access to the
   * case through its grants ends with its registration. A pupil still on the case's school's roll
   * (dual registration, a leaving date still to come) keeps the case where it is.
   */
  private boolean followsPupil(OpenCase open, Figures f, AttendanceRegister.Pupil pupil) {
    if (pupil == null || pupil.schools().contains(open.schoolUrn()) || !pupil.schools().contains(f.schoolUrn())) {
      return false;
    }
    return corrections.followPupilToSchool(open.caseReference(), f.schoolUrn(),
        "the register of attendance marks shows the pupil left the roll of school " + open.schoolUrn()
            + " and is registered at school " + f.schoolUrn() + ": the case follows the pupil");
  }

  /**
   * The figures of an open case whose school is not the pupil's main registration's and which did
   * not follow the pupil, as its school may read them (walk 14 #5, the rule of {@link
   * CaseFiguresFromMarks}): today's while the pupil is still on that school's roll (dual
   * registration, a leaving date still to come); as of the leaving date once the pupil left it (a
   * case that stayed with the old school while its notices or court proceedings run), never the new
   * school's days; none (null: the case keeps its figures) for a school whose roll the pupil was
   * never on.
   */
  private Figures figuresAtCaseSchool(OpenCase open, Figures f, AttendanceRegister.Pupil pupil) {
    if (pupil == null) {
      return null;
    }
    if (pupil.schools().contains(open.schoolUrn())) {
      return f;
    }
    return register.leftRollOf(f.upn(), List.of(open.schoolUrn()))
        .flatMap(left -> register.figures(f.upn(), left))
        .filter(atLeaving -> atLeaving.possibleSessions() > 0)
        .orElse(null);
  }

  private boolean startReview(int importId, int urn, List<IdentifiedPupils.Entry> pupils) {
    String key = "review-" + importId + "-" + AttendanceRegister.urn(urn);
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .processInstanceBusinessKey(key).count() > 0) {
      return false;
    }
    // the school's review still open at its task joins the new pupils to its list (one task per school),
    // if its form guards against a list grown after it was opened (version 1.2 on); a review started
    // before keeps its list as it was shown, and the new pupils start a review of their own
    org.camunda.bpm.engine.runtime.ProcessInstance open = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ReviewIdentifiedPupils.KEY)
        .variableValueEquals(ReviewIdentifiedPupils.SCHOOL_URN.name(), AttendanceRegister.urn(urn))
        .activityIdIn(ReviewIdentifiedPupils.REVIEW_IDENTIFIED_PUPILS.id())
        .active().orderByProcessInstanceId().asc().list().stream()
        .filter(instance -> reviewForm.has(repository, instance.getProcessDefinitionId(), ReviewIdentifiedPupils.LIST_REVISION))
        .findFirst().orElse(null);
    if (open != null) {
      Object startedBy = runtime.getVariable(open.getId(), IdentifyAttendanceConcerns.IMPORT_ID.name());
      runtime.setVariables(open.getId(), identifiedPupils.added(
          runtime.getVariable(open.getId(), ReviewIdentifiedPupils.IDENTIFIED_PUPILS.name()), pupils,
          startedBy instanceof Number number ? number.intValue() : importId,
          runtime.getVariable(open.getId(), ReviewIdentifiedPupils.CURRENT_LIST_REVISION.name())));
      return false;
    }
    VariableMap variables = Variables.createVariables()
        .putValue(ReviewIdentifiedPupils.SCHOOL_URN.name(), AttendanceRegister.urn(urn))
        .putValue(IdentifyAttendanceConcerns.IMPORT_ID.name(), importId);
    variables.putAll(identifiedPupils.variables(pupils));
    runtime.createProcessInstanceByKey(ReviewIdentifiedPupils.KEY).businessKey(key).setVariables(variables).execute();
    return true;
  }

  /** The variables {@code AttendanceUpdated} carries: the case's figures from the register. */
  static Map<String, Object> figuresVariables(Figures f) {
    Map<String, Object> variables = new HashMap<>();
    AttendanceCase.ATTENDANCE_PERCENT.put(variables, f.attendancePercent());
    AttendanceCase.UNAUTHORISED_SESSIONS.put(variables, f.unauthorisedInLast10SchoolWeeks());
    AttendanceCase.ATTENDANCE_SOURCE.put(variables, CaseFacts.FROM_MARKS);
    return variables;
  }

  private Map<String, Object> decide(String band, String identifiedBand, boolean met, boolean metKnown) {
    return decide(decisions, band, identifiedBand, met, metKnown);
  }

  /**
   * The decision {@code AttendanceIdentification} (the latest deployed): whether these figures make
   * work ({@code identified}) and why ({@code reason}). The one rule of who is identified: the
   * identification after an import and "Identified pupils not opened" ({@link PupilsNotOpened}) ask it.
   */
  static Map<String, Object> decide(
      DecisionService decisions, String band, String identifiedBand, boolean met, boolean metKnown) {
    return decisions.evaluateDecisionTableByKey(IdentifyAttendanceConcerns.IDENTIFICATION_DECISION,
            Variables.createVariables()
                .putValue("band", band)
                .putValue("identifiedBand", identifiedBand)
                .putValue("thresholdMet", met)
                .putValue("thresholdIdentified", metKnown))
        .getSingleResult().getEntryMap();
  }

  /** The decision TargetingSupportFlag, evaluated once per band and plan in a run. */
  private Boolean shouldFlag(String band, boolean hasPlan, Map<List<Object>, Boolean> memo) {
    return memo.computeIfAbsent(List.of(band, hasPlan), k -> decisions.evaluateDecisionTableByKey(IdentifyAttendanceConcerns.TARGETING_SUPPORT_FLAG_DECISION,
            Variables.createVariables().putValue("band", band).putValue("hasPlan", hasPlan))
        .getSingleEntry());
  }

  private static String seconds(long from, long to) {
    return String.format(java.util.Locale.ROOT, "%.1f", (to - from) / 1e9);
  }

  /** The worse of two bands ("none" below them all). */
  static String worse(String a, String b) {
    String left = a == null || "not-persistent".equals(a) ? "none" : a;
    String right = b == null || "not-persistent".equals(b) ? "none" : b;
    return BANDS.indexOf(left) >= BANDS.indexOf(right) ? left : right;
  }
}
