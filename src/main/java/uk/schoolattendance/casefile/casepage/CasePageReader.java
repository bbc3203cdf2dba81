package uk.schoolattendance.casefile.casepage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.CaseSummary;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.casefile.Viewer;
import uk.schoolattendance.casefile.VisibleCases;
import uk.schoolattendance.casefile.Wording;
import uk.schoolattendance.process.ThresholdWords;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.casework.AttendanceCase;
import uk.schoolattendance.casework.CaseReassignment;
import uk.schoolattendance.casework.CaseCorrections;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.notices.PenaltyNoticeRegister;
import uk.schoolattendance.notices.ProsecutionBar;
import uk.schoolattendance.notices.RegisterQuery;
import uk.schoolattendance.schools.DateValues;
import uk.schoolattendance.process.Json;
import uk.schoolattendance.process.Parent;
import uk.schoolattendance.process.Parents;
import uk.schoolattendance.security.CurrentUser;

/**
 * Reads one case for its page, as the signed-in user: the case is found in the search table and
 * shown only when the engine's history query returns it for the viewer (404 otherwise); its
 * variables, open tasks and the actions offered are what the engine allows this viewer.
 */
@Component
class CasePageReader {

  static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
  static final int MAX_VARIABLES = 100;
  static final int MAX_NOTICES = 100;
  /** ChangeLevel moves a case between Levels 1–4 while it is in support (the contract). */
  static final int MAX_CHANGE_LEVEL = 4;

  private static final List<String> READ =
      List.of(
          AttendanceCase.PUPIL_NAME.name(), AttendanceCase.PUPIL_UPN.name(), AttendanceCase.PUPIL_DATE_OF_BIRTH.name(),
          AttendanceCase.SCHOOL_URN.name(), AttendanceCase.ROUTE.name(), AttendanceCase.ATTENDANCE_PERCENT.name(),
          AttendanceCase.UNAUTHORISED_SESSIONS.name(), AttendanceCase.ATTENDANCE_BAND.name(), AttendanceCase.PARENTS.name(),
          AttendanceCase.HISTORY.name(), AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_ON.name(),
          AttendanceCase.COURT_OUTCOME.name(), AttendanceCase.LEGAL_ROUTE.name());

  private final CaseIndex index;
  private final VisibleCases visible;
  private final CaseSummaries summaries;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final PenaltyNoticeRegister register;
  private final CaseHistoryWords historyWords;
  private final CaseDocuments documents;
  private final CaseDocumentProperties documentProperties;
  private final PeopleNames people;
  private final UkDates dates;
  private final CurrentUser currentUser;
  private final CaseNotes notes;
  private final RegisterFigures figures;
  private final uk.schoolattendance.attendance.MovedPupilCases movedPupils;

  private final CaseReassignment reassignment;
  private final ThresholdWords threshold;
  /** The relationships "Add a parent" offers (attendance.parents.relationships). */
  private final uk.schoolattendance.process.ParentRelationshipsInUse relationships;
  private final PenaltyNoticeProperties noticeProperties;
  private final CalledSteps calledSteps;
  private final org.camunda.bpm.engine.RepositoryService repositoryService;
  private final ProsecutionBar prosecutionBar;

  CasePageReader(
      CaseIndex index, VisibleCases visible, CaseSummaries summaries, HistoryService historyService,
      TaskService taskService, PenaltyNoticeRegister register,
      CaseHistoryWords historyWords, CaseDocuments documents, CaseDocumentProperties documentProperties,
      PeopleNames people, UkDates dates, CurrentUser currentUser, CaseNotes notes, RegisterFigures figures,
      CaseReassignment reassignment, ThresholdWords threshold, PenaltyNoticeProperties noticeProperties,
      CalledSteps calledSteps, org.camunda.bpm.engine.RepositoryService repositoryService, ProsecutionBar prosecutionBar,
      uk.schoolattendance.attendance.MovedPupilCases movedPupils,
      uk.schoolattendance.process.ParentRelationshipsInUse relationships) {
    this.relationships = relationships;
    this.prosecutionBar = prosecutionBar;
    this.movedPupils = movedPupils;
    this.noticeProperties = noticeProperties;
    this.reassignment = reassignment;
    this.threshold = threshold;
    this.calledSteps = calledSteps;
    this.repositoryService = repositoryService;
    this.documentProperties = documentProperties;
    this.documents = documents;
    this.people = people;
    this.index = index;
    this.visible = visible;
    this.summaries = summaries;
    this.historyService = historyService;
    this.taskService = taskService;
    this.register = register;
    this.historyWords = historyWords;
    this.dates = dates;
    this.currentUser = currentUser;
    this.notes = notes;
    this.figures = figures;
  }

  /**
   * The refunds, owed or made, of the case's paid notices: one query, made only when a notice was
   * paid. A school's staff see that a refund is owed or made, how much, when and by whom, but not how
   * it was paid back (the method and the bank reference are the authority's own business).
   */
  private Map<String, uk.schoolattendance.notices.PenaltyNoticeRegister.RecordedRefund> refunds(List<PenaltyNoticeEntry> notices) {
    List<String> paid = notices.stream().filter(notice -> notice.paidOn() != null).map(PenaltyNoticeEntry::noticeNumber).toList();
    if (paid.isEmpty()) {
      return Map.of();
    }
    Map<String, uk.schoolattendance.notices.PenaltyNoticeRegister.RecordedRefund> refunds = register.refunds(paid);
    if (currentUser.readsEverySchool()) {
      return refunds;
    }
    Map<String, uk.schoolattendance.notices.PenaltyNoticeRegister.RecordedRefund> forSchool = new java.util.HashMap<>();
    refunds.forEach((number, recorded) -> {
      uk.schoolattendance.notices.PenaltyNoticeRegister.Refund refund = recorded.refund();
      forSchool.put(number, new uk.schoolattendance.notices.PenaltyNoticeRegister.RecordedRefund(
          new uk.schoolattendance.notices.PenaltyNoticeRegister.Refund(refund.amount(), refund.refundedOn(), null, null,
              refund.refundedBy()), recorded.recordedAt()));
    });
    return forSchool;
  }

  /** The case's process instance, when it exists and the viewer may read it; "Page not found" otherwise. */
  String caseIdOf(String caseReference) {
    return index.caseIdOf(caseReference)
        .filter(visible::mayRead)
        .orElseThrow(() -> new PageNotFoundException("case " + caseReference));
  }

  /** Whether the case is still open. */
  boolean isOpen(String caseId) {
    return index.rows(List.of(caseId)).stream().anyMatch(row -> row.closedAt() == null);
  }

  /** The pupil's name on the case. */
  String pupilNameOf(String caseId) {
    return index.rows(List.of(caseId)).stream().map(CaseRow::pupilName).findFirst().orElse("");
  }

  CasePage read(String caseReference, Viewer viewer, Forms forms, String banner) {
    String caseId = caseIdOf(caseReference);
    CaseRow row = index.rows(List.of(caseId)).get(0);
    Map<String, String> taskNames = summaries.taskNames(row);
    CaseSummary summary = summaries.of(row, taskNames);
    Map<String, Object> values = variables(caseId);
    List<Parent> parents = parents(values, dates.zone());
    boolean open = row.closedAt() == null;
    // the register is read once for the letters, the notices table and the notices' steps
    List<PenaltyNoticeEntry> notices = register.search(RegisterQuery.ofFilters(caseReference, null, null, null, 0, MAX_NOTICES, null));
    CalledSteps.Called called = calledAnything(values) ? calledSteps.of(caseId, notices, refunds(notices)) : CalledSteps.Called.none();
    return new CasePage(
        summary,
        facts(row, summary, values, called),
        figures.of(row.pupilUpn(), currentUser.readsEverySchool() ? null : currentUser.schoolUrns()),
        parents.stream().map(p -> new CasePage.ParentView(p.id(), p.name(), p.address(), p.standing())).toList(),
        open ? taskLinks(row, taskNames) : List.of(),
        timeline(values, called),
        letters(caseReference, values, called, notices),
        notices(notices, row.pupilUpn()),
        prosecutionBars(parents, row.pupilUpn(), caseReference),
        documents(caseReference, caseId),
        actions(caseId, row.level(), open, values, parents, forms, called.court()),
        banner,
        otherCases(row),
        open ? "" : newCaseHref(),
        open ? stayed(caseReference) : null,
        called.court());
  }

  /**
   * Why the open case did not follow its pupil to the new school, and who to contact: the case's
   * school is told the pupil left its roll; the authority's staff, who read every school, the new
   * school's name too (a school is never told another school's name by the register).
   */
  private String stayed(String caseReference) {
    return movedPupils.stayed(caseReference).map(s -> {
      String why = "penalty notices or court proceedings are open, and their notices stand for the school's period, so the"
          + " case follows the pupil the day after they end. Contact " + s.contactWords(people::of) + " about the case.";
      return currentUser.readsEverySchool()
          ? "This case stays at " + summaries.schoolName(s.caseSchoolUrn()) + " (URN " + s.caseSchoolUrn() + ") although"
              + " the pupil left its roll on " + dates.day(s.leftOn()) + " and is on the roll of "
              + summaries.schoolName(s.newSchoolUrn()) + " (URN " + s.newSchoolUrn() + "): " + why
          : "The pupil left your school's roll on " + dates.day(s.leftOn()) + ". This case stays with your school: " + why;
    }).orElse(null);
  }

  /** The forms as typed (after a refused change) and their errors; empty forms otherwise. */
  record Forms(
      CasePage.NoteForm note, CasePage.CorrectionForm correction, CasePage.CloseForm closing, CasePage.LevelForm level,
      CasePage.DocumentForm document, List<uk.schoolattendance.casefile.FieldError> errors, CasePage.ParentForm parent,
      CasePage.ExtensionForm extension) {

    static Forms empty() {
      return new Forms(CasePage.NoteForm.empty(), CasePage.CorrectionForm.empty(), CasePage.CloseForm.empty(),
          CasePage.LevelForm.empty(), CasePage.DocumentForm.empty(), List.of(), CasePage.ParentForm.empty(),
          CasePage.ExtensionForm.empty());
    }

    static Forms refused(CasePage.NoteForm note, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(note, empty.correction(), empty.closing(), empty.level(), empty.document(), errors, empty.parent(), empty.extension());
    }

    static Forms refused(CasePage.CorrectionForm correction, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(empty.note(), correction, empty.closing(), empty.level(), empty.document(), errors, empty.parent(), empty.extension());
    }

    static Forms refused(CasePage.CloseForm closing, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(empty.note(), empty.correction(), closing, empty.level(), empty.document(), errors, empty.parent(), empty.extension());
    }

    static Forms refused(CasePage.LevelForm level, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(empty.note(), empty.correction(), empty.closing(), level, empty.document(), errors, empty.parent(), empty.extension());
    }

    static Forms refused(CasePage.ParentForm parent, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(empty.note(), empty.correction(), empty.closing(), empty.level(), empty.document(), errors, parent, empty.extension());
    }

    static Forms refused(CasePage.DocumentForm document, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(empty.note(), empty.correction(), empty.closing(), empty.level(), document, errors, empty.parent(), empty.extension());
    }

    static Forms refused(CasePage.ExtensionForm extension, List<uk.schoolattendance.casefile.FieldError> errors) {
      Forms empty = empty();
      return new Forms(empty.note(), empty.correction(), empty.closing(), empty.level(), empty.document(), errors, empty.parent(), extension);
    }
  }

  private Map<String, Object> variables(String caseId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable :
        historyService.createHistoricVariableInstanceQuery()
            .processInstanceId(caseId)
            .variableNameIn(READ.toArray(String[]::new))
            .listPage(0, MAX_VARIABLES)) {
      values.put(variable.getName(), variable.getValue());
    }
    return values;
  }

  private static List<Parent> parents(Map<String, Object> values, java.time.ZoneId zone) {
    Object raw = values.get(AttendanceCase.PARENTS.name());
    if (raw == null) {
      return List.of();
    }
    try {
      return Parents.parse(AttendanceCase.PARENTS.name(), Json.parse(AttendanceCase.PARENTS.name(), raw), zone);
    } catch (RuntimeException unreadable) {
      return List.of();
    }
  }

  /** The case's unauthorised sessions as its page states them: in the threshold's window of school weeks. */
  static String unauthorisedFact(int sessions, ThresholdWords threshold) {
    return sessions + " sessions in " + threshold.lastSchoolWeeks();
  }

  private List<CasePage.Fact> facts(CaseRow row, CaseSummary summary, Map<String, Object> values, CalledSteps.Called called) {
    List<CasePage.Fact> facts = new ArrayList<>();
    facts.add(new CasePage.Fact("Pupil", row.pupilName()));
    facts.add(new CasePage.Fact("UPN", row.pupilUpn()));
    facts.add(new CasePage.Fact("Date of birth", dates.day(row.pupilDateOfBirth())));
    facts.add(new CasePage.Fact("School", summaries.schoolName(row.schoolUrn()) + " (URN " + row.schoolUrn() + ")"));
    facts.add(new CasePage.Fact("Officer", summary.lead().isEmpty() ? "No officer" : summary.lead()));
    facts.add(new CasePage.Fact("Level and stage", Wording.levelAndStage(row.level(), row.stage())));
    facts.add(new CasePage.Fact("Route", Wording.sentence(text(values, AttendanceCase.ROUTE.name()))));
    Object percent = values.get(AttendanceCase.ATTENDANCE_PERCENT.name());
    if (percent instanceof Number number) {
      String band = uk.schoolattendance.attendance.BandWords.of(text(values, AttendanceCase.ATTENDANCE_BAND.name()));
      facts.add(new CasePage.Fact("Attendance",
          String.format(Locale.UK, "%.1f%%", number.doubleValue()) + (band.isEmpty() ? "" : " (" + band.toLowerCase(Locale.UK) + ")")));
    }
    Object sessions = values.get(AttendanceCase.UNAUTHORISED_SESSIONS.name());
    if (sessions instanceof Number number) {
      facts.add(new CasePage.Fact("Unauthorised absence", unauthorisedFact(number.intValue(), threshold)));
    }
    facts.add(new CasePage.Fact("Opened", dates.day(row.openedAt())));
    String court = text(values, AttendanceCase.COURT_OUTCOME.name());
    // one fact per proceedings (the case's own, each penalty notice's), naming whom they were against
    for (CalledSteps.CourtOutcome outcome : called.courtOutcomes()) {
      facts.add(new CasePage.Fact("Court outcome", (outcome.against().isEmpty() ? "" : "(" + outcome.against() + ") ")
          + outcome.text() + (CalledSteps.NOT_RECORDED.equals(outcome.by()) ? "" : " Recorded by " + outcome.by() + ".")));
    }
    if (called.courtOutcomes().isEmpty() && !court.isEmpty()) {
      facts.add(new CasePage.Fact("Court outcome", Wording.sentence(court)));
    }
    if (row.closedAt() != null) {
      facts.add(new CasePage.Fact("Closed", dates.day(row.closedAt())));
    }
    return facts;
  }

  /** The case's open tasks that the engine lets the viewer see, each opening in Tasklist. */
  private List<CasePage.TaskLink> taskLinks(CaseRow row, Map<String, String> names) {
    if (row.tasks().isEmpty()) {
      return List.of();
    }
    List<Task> tasks =
        taskService.createTaskQuery().taskIdIn(row.tasks().stream().map(CaseRow.OpenTask::taskId).toArray(String[]::new))
            .listPage(0, row.tasks().size());
    return tasks.stream()
        .sorted(Comparator.comparing(Task::getCreateTime))
        .map(task -> new CasePage.TaskLink(names.getOrDefault(task.getId(), task.getName()), TASKLIST_TASK + task.getId()))
        .toList();
  }

  /** The events a case records when it calls a Notice to Improve, penalty notices or court proceedings. */
  static final Set<String> CALLS = Set.copyOf(AttendanceCase.CALL_EVENTS);

  /**
   * Whether the case's history says it called another process: a case that called nothing (most
   * cases, Levels 1–3) costs no query for the called processes' steps.
   */
  private static boolean calledAnything(Map<String, Object> values) {
    return calledAnything(values.get(AttendanceCase.HISTORY.name()));
  }

  /** As {@link #calledAnything(Map)}, from the case's {@code history} as stored. */
  static boolean calledAnything(Object raw) {
    if (raw == null) {
      return false;
    }
    try {
      for (com.fasterxml.jackson.databind.JsonNode entry : Json.parse(AttendanceCase.HISTORY.name(), raw)) {
        if (CALLS.contains(entry.path("event").asText())) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException unreadable) {
      return true;
    }
  }

  /** The case's own history and the steps of the processes it called, newest first (the forms' merge too). */
  private List<CasePage.TimelineEntry> timeline(Map<String, Object> values, CalledSteps.Called called) {
    return historyWords.merged(values.get(AttendanceCase.HISTORY.name()), called);
  }

  private List<CasePage.Letter> letters(
      String caseReference, Map<String, Object> values, CalledSteps.Called called, List<PenaltyNoticeEntry> notices) {
    List<CasePage.Letter> letters = new ArrayList<>();
    Object issued = values.get(AttendanceCase.NOTICE_TO_IMPROVE_ISSUED_ON.name());
    LocalDate on = issued != null ? DateValues.toLocalDate(issued, dates.zone()) : called.noticeToImproveIssuedOn();
    if (on != null) {
      letters.add(new CasePage.Letter("Notice to Improve, issued " + dates.day(on),
          "/api/cases/" + path(caseReference) + "/notice-to-improve/letter"));
    }
    for (PenaltyNoticeEntry notice : notices) {
      if (PenaltyNoticeEntry.PREPARED.equals(notice.status()) && notice.beyondLimit(noticeProperties.limit())) {
        continue; // beyond the limit: not printed (the letter is refused; the notice's page says what to do)
      }
      if (notice.withdrawnBeforeIssue()) {
        continue; // never sent: there is no letter as sent (the letter is refused)
      }
      letters.add(new CasePage.Letter(
          "Penalty notice " + notice.noticeNumber() + " to " + notice.parentName()
              + (notice.issuedOn() == null ? "" : ", issued " + dates.day(notice.issuedOn())),
          "/api/penalty-notices/" + path(notice.noticeNumber()) + "/letter"));
    }
    return letters;
  }

  /**
   * The case's notices, then the notices someone else issued (a head teacher, the police, another
   * authority) to a parent of the case's pupil, which count towards the same limit: their state says
   * who issued them and what their issuer reported (withdrawn, paid). A school viewer sees only
   * those recorded for its own schools, as the register's API gives them.
   */
  private List<CasePage.NoticeView> notices(List<PenaltyNoticeEntry> notices, String pupilUpn) {
    LocalDate today = dates.today();
    List<CasePage.NoticeView> views = new ArrayList<>();
    notices.stream()
        .map(notice -> new CasePage.NoticeView(
            notice.noticeNumber(),
            notice.parentName(),
            Wording.sentence(notice.status()),
            dates.day(notice.issuedOn()),
            notice.awaitingPayment() ? amountsDue(notice, today) : "",
            paid(notice)))
        .forEach(views::add);
    if (pupilUpn != null) {
      register.search(RegisterQuery.ofFilters(null, pupilUpn, null, null, 0, MAX_NOTICES,
              currentUser.readsEverySchool() ? null : currentUser.schoolUrns())).stream()
          .filter(notice -> !PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy()))
          .map(notice -> new CasePage.NoticeView(
              notice.noticeNumber(), notice.parentName(), othersNoticeState(notice), dates.day(notice.issuedOn()), "",
              paid(notice)))
          .forEach(views::add);
    }
    return views;
  }

  /**
   * The withdrawn notices to each parent of the case for its pupil, any period and whoever issued
   * them: none of those parents may be prosecuted for an offence period overlapping the notice's
   * (reg 8). The same notices the forms where a prosecution is chosen show. A school viewer sees,
   * as in the notices table, only this case's notices and those recorded for its own schools: for a
   * pupil who moved, never the other school's (docs/security.md).
   */
  private List<CasePage.ProsecutionBarView> prosecutionBars(List<Parent> parents, String pupilUpn, String caseReference) {
    List<CasePage.ProsecutionBarView> bars = new ArrayList<>();
    if (pupilUpn == null) {
      return bars;
    }
    boolean everySchool = currentUser.readsEverySchool();
    java.util.Set<String> ownSchools = everySchool ? java.util.Set.of() : currentUser.schoolUrns();
    for (Parent parent : parents) {
      for (PenaltyNoticeEntry notice : prosecutionBar.barring(parent, pupilUpn, null, null)) {
        if (!everySchool && !caseReference.equals(notice.caseReference()) && !ownSchools.contains(notice.schoolUrn())) {
          continue;
        }
        String period = dates.day(notice.offenceFrom()) + " to " + dates.day(notice.offenceTo());
        String withdrawn = notice.withdrawnOn() == null ? "" : dates.day(notice.withdrawnOn());
        String issuer = notice.issuedBy() == null || PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy())
            ? "" : " (issued by " + (notice.issuerName() == null ? notice.issuedBy() : notice.issuerName()) + ")";
        bars.add(new CasePage.ProsecutionBarView(parent.name(), notice.noticeNumber(), period, withdrawn,
            "No prosecution of " + parent.name() + " for an offence period overlapping " + period + ": penalty notice "
                + notice.noticeNumber() + issuer + " was withdrawn" + (withdrawn.isEmpty() ? "" : " on " + withdrawn)));
      }
    }
    return bars;
  }

  /** What was paid and when, for the notices table: "£80.00 on 3 March 2026"; empty when unpaid. */
  private String paid(PenaltyNoticeEntry notice) {
    if (notice.paidOn() == null) {
      return "";
    }
    return (notice.amountPaid() == null ? "" : "£" + notice.amountPaid().setScale(2, java.math.RoundingMode.HALF_UP) + " on ")
        + dates.day(notice.paidOn());
  }

  /** The state of a notice someone else issued, in words: "Issued by a head teacher; withdrawn by its issuer on 3 March 2026". */
  private String othersNoticeState(PenaltyNoticeEntry notice) {
    String issuer = switch (notice.issuedBy()) {
      case "head-teacher" -> "a head teacher";
      case "police" -> "the police";
      case "other-la" -> "another local authority";
      default -> notice.issuedBy();
    };
    String state = switch (notice.status()) {
      case PenaltyNoticeEntry.WITHDRAWN -> "withdrawn by its issuer"
          + (notice.withdrawnOn() == null ? "" : " on " + dates.day(notice.withdrawnOn()));
      case PenaltyNoticeEntry.PAID -> "paid" + (notice.paidOn() == null ? "" : " on " + dates.day(notice.paidOn()));
      default -> notice.status();
    };
    return "Issued by " + issuer + "; " + state;
  }

  static final int MAX_PUPIL_CASES = 20;

  /**
   * The pupil's other cases, earlier and later, that the viewer may read: one statement, and the
   * engine's check only when the pupil has another case.
   */
  private List<CasePage.OtherCase> otherCases(CaseRow row) {
    List<CaseIndex.PupilCase> all = index.casesOfPupil(row.pupilUpn(), MAX_PUPIL_CASES);
    List<CaseIndex.PupilCase> others = all.stream().filter(other -> !other.caseId().equals(row.caseId())).toList();
    if (others.isEmpty()) {
      return List.of();
    }
    Set<String> readable = new java.util.HashSet<>(visible.filter(others.stream().map(CaseIndex.PupilCase::caseId).toList()));
    return others.stream()
        .filter(other -> readable.contains(other.caseId()))
        .map(other -> new CasePage.OtherCase(other.caseReference(), CaseSummaries.href(other.caseReference()),
            (other.openedAt() != null && row.openedAt() != null && other.openedAt().isBefore(row.openedAt()) ? "Earlier case" : "Later case")
                + ", opened " + dates.day(other.openedAt())
                + (other.closedAt() == null ? ", open" : ", closed " + dates.day(other.closedAt()))))
        .toList();
  }

  /** Where a closed case's viewer opens a new case for the pupil: Tasklist's start form, for those the engine lets start a case. */
  private String newCaseHref() {
    long startable = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AttendanceCase.KEY)
        .latestVersion().startablePermissionCheck().count();
    return startable > 0 ? NEW_CASE : "";
  }

  static final String NEW_CASE = "/camunda/app/tasklist/default/#/";

  /**
   * What the parent may still pay, in the notice's own terms ({@link PenaltyNoticeEntry#amountsDueFrom}):
   * "£80.00 by 21 December 2026, then £160.00 by 28 December 2026", or the full amount alone once
   * the reduced period is over.
   */
  private String amountsDue(PenaltyNoticeEntry notice, LocalDate today) {
    List<PenaltyNoticeEntry.AmountDue> due = notice.amountsDueFrom(today);
    if (due.isEmpty()) {
      return notice.finalDeadline() == null ? "" : "Nothing: the time to pay ended on " + dates.day(notice.finalDeadline());
    }
    return due.stream()
        .map(each -> "£" + each.amount().setScale(2, java.math.RoundingMode.HALF_UP) + " by " + dates.day(each.by()))
        .collect(java.util.stream.Collectors.joining(", then "));
  }

  /** What the viewer may do: the engine's authorizations decide (UPDATE on the case's instance). */
  private CasePage.Actions actions(
      String caseId, Integer level, boolean open, Map<String, Object> values, List<Parent> parents, Forms forms,
      List<CasePage.CourtView> court) {
    boolean update = open && notes.mayUpdate(caseId);
    boolean correct = update && currentUser.mayCorrectCases();
    List<Integer> levels = update && level != null && level <= MAX_CHANGE_LEVEL
        ? java.util.stream.IntStream.rangeClosed(1, MAX_CHANGE_LEVEL).filter(l -> l != level).boxed().toList()
        : List.of();
    return new CasePage.Actions(
        update, correct, update, levels, correct ? correctable(values, parents) : List.of(),
        forms.note(), forms.correction(), forms.closing(), forms.level(), forms.document(),
        CaseDocumentsController.megabytes(documentProperties.maxSize().toBytes()), forms.errors(),
        open && reassignment.mayReassign(caseId), forms.parent(), relationships.relationships().withWords(),
        // an order runs on after the case closes: its extension is the senior practitioner's, open case or not
        court.stream().anyMatch(CasePage.CourtView::orderMade) && currentUser.extendsSupervisionOrders(), forms.extension(),
        // the discharge acts on the latest order: once it is discharged or has ended, say so instead of the form
        court.stream().filter(CasePage.CourtView::orderMade).reduce((first, second) -> second).map(CasePage.CourtView::orderEnded)
            .orElse(null),
        // nor the extension form once it was discharged or ended by a care order: nothing is left to extend
        court.stream().filter(CasePage.CourtView::orderMade).reduce((first, second) -> second)
            .map(CasePage.CourtView::orderDischarged).orElse(false));
  }

  private List<CasePage.DocumentView> documents(String caseReference, String caseId) {
    List<CaseDocuments.Document> stored = documents.of(caseId);
    Set<String> by = new java.util.HashSet<>();
    stored.forEach(document -> by.add(document.uploadedBy()));
    Map<String, String> names = people.of(by);
    return stored.stream()
        .map(document -> new CasePage.DocumentView(
            CaseDocuments.KINDS.getOrDefault(document.kind(), document.kind()), document.fileName(),
            DocumentTypes.ALL.stream().filter(type -> type.mediaType().equals(document.mediaType())).findFirst()
                .map(DocumentTypes.Type::words).orElse(document.mediaType()),
            CaseDocumentsController.size(document.size()), names.getOrDefault(document.uploadedBy(), document.uploadedBy()),
            dates.moment(document.uploadedAt()),
            CaseSummaries.href(caseReference) + "/documents/" + document.id()))
        .toList();
  }

  private List<CasePage.CorrectableField> correctable(Map<String, Object> values, List<Parent> parents) {
    List<CasePage.CorrectableField> fields = new ArrayList<>();
    fields.add(new CasePage.CorrectableField(AttendanceCase.PUPIL_NAME.name(), "Pupil's name", text(values, AttendanceCase.PUPIL_NAME.name())));
    fields.add(new CasePage.CorrectableField(AttendanceCase.PUPIL_UPN.name(), "UPN", text(values, AttendanceCase.PUPIL_UPN.name())));
    for (Parent parent : parents) {
      fields.add(new CasePage.CorrectableField("parents/" + parent.id() + "/name", "Name of " + parent.name(), parent.name()));
      fields.add(new CasePage.CorrectableField("parents/" + parent.id() + "/address", "Address of " + parent.name(), parent.address()));
    }
    return fields;
  }

  private static String text(Map<String, Object> values, String name) {
    Object value = values.get(name);
    return value == null ? "" : value.toString();
  }

  private static String path(String segment) {
    return UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
  }
}
