package uk.schoolattendance.court;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;
import uk.schoolattendance.improvement.NoticeToImprove;
import uk.schoolattendance.notices.PenaltyNotice;
import uk.schoolattendance.notices.PenaltyNoticeProperties;
import uk.schoolattendance.process.CaseFacts;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The court case file (domain notes §6): a chronology built from the case's own history (every
 * step of every process of the case, in order), a witness statement from the template
 * {@code court/witness-statement.txt}, and the evidence list naming the attendance
 * certificate, the letters, the Notice to Improve and the attendance contract (or that there
 * was none).
 */
@Component
public class CaseFileBuilder {

  static final Set<String> CHRONOLOGY_TYPES =
      Set.of("userTask", "serviceTask", "businessRuleTask", "callActivity", "sendTask", "intermediateTimer",
          "intermediateMessageCatch", "boundaryMessage", "boundaryTimer", "messageStartEvent", "startEvent",
          "noneEndEvent");
  /** The house style, as every letter and page: 14 September 2026. */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final int MAX_ENTRIES = 500;
  /** The processes and the case fact whose history the evidence list reads. */
  private static final String NOTICE_TO_IMPROVE = NoticeToImprove.KEY;
  private static final String PENALTY_NOTICE = PenaltyNotice.KEY;
  private static final String CONTRACT_AGREED = CaseFacts.CONTRACT_AGREED.name();
  private static final String NO_CONTRACT_REASON = CaseFacts.NO_CONTRACT_REASON.name();
  private static final String NO_NOTICE_TO_IMPROVE_REASON = CaseFacts.NO_NOTICE_TO_IMPROVE_REASON.name();

  /** What the statement says while the case officer is not known: the officer writes their name in. */
  static final String NO_OFFICER = "[name of the attendance officer]";

  private final SchoolDirectory schools;
  private final PenaltyNoticeProperties notices;
  private final String template;
  /**
   * The statement for an application for an education supervision order: family proceedings in the
   * family court (Children Act 1989 s36), a witness statement under the Family Procedure Rules 2010
   * Part 22 with their statement of truth, not the criminal form of a prosecution.
   */
  private final String familyTemplate;
  private final Properties words = new Properties();

  public CaseFileBuilder(SchoolDirectory schools, PenaltyNoticeProperties notices) {
    this.schools = schools;
    this.notices = notices;
    this.template = text("/court/witness-statement.txt");
    this.familyTemplate = text("/court/witness-statement-family.txt");
    try (InputStream in = getClass().getResourceAsStream("/court/chronology.properties")) {
      words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("court/chronology.properties is missing from the classpath", e);
    }
  }

  private String text(String resource) {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException(resource.substring(1) + " is missing from the classpath", e);
    }
  }

  /** The processes of this case: the case itself and every process started for it. */
  public List<HistoricProcessInstance> processesOf(HistoryService history, String caseReference, String ownInstanceId) {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    if (caseReference != null) {
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).listPage(0, MAX_ENTRIES)
          .forEach(p -> found.put(p.getId(), p));
      history.createHistoricProcessInstanceQuery().variableValueEquals(CourtProceedings.CASE_REFERENCE.name(), caseReference)
          .listPage(0, MAX_ENTRIES).forEach(p -> found.put(p.getId(), p));
    }
    history.createHistoricProcessInstanceQuery().processInstanceId(ownInstanceId).listPage(0, 1)
        .forEach(p -> found.put(p.getId(), p));
    List<HistoricProcessInstance> processes = new ArrayList<>(found.values());
    processes.sort(Comparator.comparing(HistoricProcessInstance::getStartTime));
    return processes;
  }

  /**
   * The processes that concern these parents: a prosecution's file names only what concerns the
   * parent prosecuted, so another parent's penalty notice (its own process) is left out. The case
   * and its other processes concern every parent.
   */
  public List<HistoricProcessInstance> concerning(
      HistoryService history, List<HistoricProcessInstance> processes, Set<String> parentIds) {
    if (parentIds.isEmpty()) {
      return processes;
    }
    List<HistoricProcessInstance> kept = new ArrayList<>();
    for (HistoricProcessInstance process : processes) {
      if (!PENALTY_NOTICE.equals(process.getProcessDefinitionKey())) {
        kept.add(process);
        continue;
      }
      HistoricVariableInstance parent =
          history.createHistoricVariableInstanceQuery().processInstanceId(process.getId())
              .variableName(PenaltyNotice.PARENT_ID.name()).listPage(0, 1).stream().findFirst().orElse(null);
      if (parent == null || parentIds.contains(String.valueOf(parent.getValue()))) {
        kept.add(process);
      }
    }
    return kept;
  }

  /**
   * What happened in the case, oldest first, one line each: the day it happened, the process
   * ("Attendance case", "Penalty notice PN-2026-000004") and what happened in words
   * ({@code court/chronology.properties}), with the person who recorded it and the notes and reasons
   * they gave. Only what has happened: a step still open, or one cut short (a task a timer or another
   * event ended), is left out, and so is the system's bookkeeping.
   *
   * @param names a user id to the person's name (the id itself when the identity store has none)
   */
  public String chronology(
      HistoryService history, List<HistoricProcessInstance> processes, ZoneId zone, UnaryOperator<String> names) {
    List<HistoricActivityInstance> steps = new ArrayList<>();
    Map<String, String> processNames = new LinkedHashMap<>();
    for (HistoricProcessInstance process : processes) {
      String name = process.getProcessDefinitionName() != null ? process.getProcessDefinitionName() : process.getProcessDefinitionKey();
      processNames.put(process.getId(), PENALTY_NOTICE.equals(process.getProcessDefinitionKey()) && process.getBusinessKey() != null
          ? name + " " + process.getBusinessKey() : name);
      history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
          .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
          .listPage(0, MAX_ENTRIES)
          .stream()
          .filter(a -> CHRONOLOGY_TYPES.contains(a.getActivityType()) && a.getActivityName() != null)
          .filter(a -> a.getEndTime() != null && !a.isCanceled())
          .filter(a -> !words(a).isEmpty())
          .forEach(steps::add);
    }
    // when each step happened (a timer's when it fired, a task's when it was completed); stable: steps
    // at the same moment keep their order of occurrence within their process
    steps.sort(Comparator.comparing(HistoricActivityInstance::getEndTime));
    StringBuilder text = new StringBuilder();
    for (HistoricActivityInstance step : steps) {
      text.append(DAY.format(LocalDate.ofInstant(step.getEndTime().toInstant(), zone)))
          .append(" | ").append(processNames.get(step.getProcessInstanceId()))
          .append(" | ").append(words(step));
      if (step.getAssignee() != null) {
        text.append(", recorded by ").append(names.apply(step.getAssignee()));
      }
      if ("userTask".equals(step.getActivityType())) {
        text.append(notesAndReasons(history, step.getId()));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** What a step says it did: its words, else its name in the model; empty for bookkeeping. */
  private String words(HistoricActivityInstance step) {
    return words.getProperty(step.getActivityId(), step.getActivityName()).strip();
  }

  /**
   * The notes and reasons a step's completion gave (variables named {@code …Notes}, {@code …Reason}
   * or {@code …Reasons}: "legalRouteReason", "reviewNotes", "supervisionOrderReasons"), as
   * " - review notes: …", in the order they were written; the chronology shows why each step went
   * as it did, not only that it happened.
   */
  static String notesAndReasons(HistoryService history, String activityInstanceId) {
    Map<String, String> said = new LinkedHashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates().activityInstanceId(activityInstanceId)
        .orderPartiallyByOccurrence().asc().listPage(0, MAX_ENTRIES)) {
      if (detail instanceof HistoricVariableUpdate update
          && NOTES.matcher(update.getVariableName()).matches()
          && update.getValue() instanceof String value
          && !value.isBlank()) {
        said.put(update.getVariableName(), value.strip().replaceAll("\\s+", " "));
      }
    }
    StringBuilder text = new StringBuilder();
    said.forEach((name, value) -> text.append(" - ").append(words(name)).append(": ").append(value));
    return text.toString();
  }

  private static final java.util.regex.Pattern NOTES = java.util.regex.Pattern.compile("[a-z][A-Za-z]*(Notes|Reason|Reasons)");

  /** "legalRouteReason" → "legal route reason". */
  private static String words(String name) {
    return name.replaceAll("([A-Z])", " $1").toLowerCase(Locale.UK);
  }

  /**
   * The documents the court needs, and whether the case holds them: the registration certificate
   * by its title when one was generated from the marks ({@code certificateTitle}), otherwise to be
   * obtained from the school.
   */
  public String evidenceList(
      HistoryService history, List<HistoricProcessInstance> processes, String noticeNumber, boolean interview, ZoneId zone,
      String certificateTitle) {
    List<String> ids = processes.stream().map(HistoricProcessInstance::getId).toList();
    long noticesToImprove = processes.stream().filter(p -> NOTICE_TO_IMPROVE.equals(p.getProcessDefinitionKey())).count();
    long penaltyNotices = processes.stream().filter(p -> PENALTY_NOTICE.equals(p.getProcessDefinitionKey())).count();
    boolean contract =
        !ids.isEmpty()
            && history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
                .variableName(CONTRACT_AGREED).listPage(0, MAX_ENTRIES).stream()
                .map(HistoricVariableInstance::getValue).anyMatch(Boolean.TRUE::equals);
    List<String> items = new ArrayList<>();
    items.add(certificateTitle != null
        ? "1. " + certificateTitle + ": a certified extract of the attendance register (Education Act 1996 s566),"
            + " made from the register of attendance marks - attached"
        : "1. Attendance certificate: a certified extract of the attendance register (Education Act 1996 s566) - obtain from the school");
    List<String> letters = new ArrayList<>();
    for (HistoricProcessInstance process : processes) {
      String issued = process.getStartTime() == null ? "" : " of " + DAY.format(LocalDate.ofInstant(process.getStartTime().toInstant(), zone));
      if (NOTICE_TO_IMPROVE.equals(process.getProcessDefinitionKey())) {
        letters.add("the Notice to Improve" + issued);
      } else if (PENALTY_NOTICE.equals(process.getProcessDefinitionKey())) {
        letters.add("penalty notice " + process.getBusinessKey() + issued);
      }
    }
    items.add("2. Copies of the letters sent to the parent: "
        + (letters.isEmpty() ? "none recorded in the case" : String.join("; ", letters) + " (copies as sent)"));
    List<String> perParent = whyPerParent(history, ids);
    items.add("3. Notice to Improve: " + (perParent != null && !perParent.isEmpty()
        ? (noticesToImprove > 0 ? "issued (see the chronology); not to " : "none issued: ") + String.join("; ", perParent)
        : noticesToImprove > 0 ? "issued (see the chronology)"
        : "none issued: " + why(history, ids, NO_NOTICE_TO_IMPROVE_REASON, "record why (e.g. term-time leave, support not appropriate)")));
    items.add("4. Attendance contract: " + (contract ? "agreed (see the chronology)"
        : "none agreed: " + why(history, ids, NO_CONTRACT_REASON, "record why")));
    if (noticeNumber != null) {
      items.add("5. Penalty notice " + noticeNumber + " and the register entry showing it was not paid");
    }
    if (interview) {
      items.add((noticeNumber != null ? "6" : "5") + ". Record of the interview under caution (s444(1A))");
    }
    return String.join("\n", items);
  }

  /** The reason the case recorded (its latest), or what to do when it recorded none. */
  /**
   * Why each parent who had no Notice to Improve had none, as the Pupil Planning Meeting recorded it
   * (AttendanceCase 1.6, {@code noNoticeToImproveReasons}): "Gail Marsh: the reason recorded: …",
   * one a parent; null when the case recorded no such list (a meeting on an earlier form).
   */
  private static List<String> whyPerParent(HistoryService history, List<String> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    Object last = history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
        .variableName(CaseFacts.NO_NOTICE_TO_IMPROVE_REASONS.name()).listPage(0, MAX_ENTRIES).stream()
        .map(HistoricVariableInstance::getValue).filter(java.util.Objects::nonNull).reduce((first, second) -> second)
        .orElse(null);
    if (last == null) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode entry
        : uk.schoolattendance.process.Json.list(CaseFacts.NO_NOTICE_TO_IMPROVE_REASONS.from(last))) {
      if (!entry.path("reason").asText("").isBlank()) {
        lines.add(entry.path("parent").asText() + ": the reason recorded: " + entry.path("reason").asText().strip());
      }
    }
    return lines;
  }

  private static String why(HistoryService history, List<String> ids, String variable, String otherwise) {
    if (ids.isEmpty()) {
      return otherwise;
    }
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
        .variableName(variable).listPage(0, MAX_ENTRIES).stream()
        .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
        .map(String::strip).filter(text -> !text.isEmpty()).reduce((first, second) -> second)
        .map(text -> "the reason recorded: " + text).orElse(otherwise);
  }

  /** "Alex Parent is a parent", "Alex Parent and Jo Parent are parents": the grammar follows the number. */
  static String parentsClause(String parentNames) {
    boolean several = parentNames.contains(" and ") || parentNames.contains(", ");
    return parentNames + (several ? " are parents" : " is a parent");
  }

  /** What the witness statement says about the case. */
  public record Statement(
      String pupilName,
      String pupilUpn,
      String schoolUrn,
      String parentNames,
      LocalDate offenceFrom,
      LocalDate offenceTo,
      Integer unauthorisedSessions,
      String proceedingsType,
      String noticeNumber,
      String officerName) {}

  /**
   * The witness statement from the template, filled in from the case: only what the case's records
   * show. That the authority considered an education supervision order before prosecuting (s447) is
   * the officer's to confirm when preparing the case ({@link #withSupervisionOrderConsidered}).
   */
  public String witnessStatement(Statement s) {
    String parents = s.parentNames();
    boolean application = CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(s.proceedingsType());
    String offence =
        application
            ? "The child is not being properly educated (Children Act 1989 s36(3)): the child is a registered pupil at the"
                + " school and is not attending it regularly within the meaning of section 444 of the Education Act 1996,"
                + " so it is to be assumed that the child is not being properly educated unless it is proved that they are"
                + " (s36(5)). The attendance certificate exhibited shows the child's attendance and the sessions missed"
                + " without authorisation."
            : s.offenceFrom() != null && s.offenceTo() != null
            ? "Between " + DAY.format(s.offenceFrom()) + " and " + DAY.format(s.offenceTo()) + " the child failed to attend the school regularly"
                + (s.unauthorisedSessions() != null ? ", missing " + s.unauthorisedSessions() + " sessions without authorisation" : "")
                + ". The attendance certificate exhibited shows the sessions missed."
            : "The attendance certificate exhibited shows the child's attendance and the sessions missed without authorisation.";
    String proceedings =
        CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(s.proceedingsType())
            ? "The local authority applies for an education supervision order under section 36 of the Children Act 1989:"
                + " support has not secured the child's regular attendance. The child is not in the care of a local authority"
                + " (s36(6)). Before applying, the local authority consulted children's services about the child (s36(8)):"
                + " [date and outcome of the consultation]."
            : s.noticeNumber() != null
                ? "Penalty notice " + s.noticeNumber() + " was issued for this period and was not paid within the period allowed. The local authority prosecutes for the original offence under section 444 of the Education Act 1996."
                : "The local authority prosecutes under section 444 of the Education Act 1996.";
    return (application ? familyTemplate : template)
        .replace("{{officerName}}", s.officerName() == null || s.officerName().isBlank() ? NO_OFFICER : s.officerName())
        .replace("{{authority}}", notices.authority().name())
        .replace("{{pupilName}}", String.valueOf(s.pupilName()))
        .replace("{{pupilUpn}}", String.valueOf(s.pupilUpn()))
        .replace("{{schoolName}}", schools.find(s.schoolUrn()).map(School::name).orElse("the school"))
        .replace("{{schoolUrn}}", s.schoolUrn())
        .replace("{{parentsClause}}", parentsClause(parents))
        .replace("{{offenceParagraph}}", offence)
        .replace("{{proceedingsParagraph}}", proceedings);
  }

  /** The sentence paragraph 4 gains when the officer confirms the s447 consideration. */
  static final String SUPERVISION_ORDER_CONSIDERED =
      "Before deciding to prosecute, the local authority considered an education supervision order (Education Act 1996 s447).";

  /**
   * The statement once the officer has confirmed, preparing the case, that an education supervision
   * order was considered before prosecuting: paragraph 4 says so (once, however often it is confirmed).
   */
  static String withSupervisionOrderConsidered(String statement) {
    if (statement == null || statement.contains(SUPERVISION_ORDER_CONSIDERED)) {
      return statement;
    }
    return statement.replaceFirst("(?m)^(4\\. .*)$", "$1 " + java.util.regex.Matcher.quoteReplacement(SUPERVISION_ORDER_CONSIDERED));
  }
}
