package uk.schoolattendance.court;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.Inputs;
import uk.schoolattendance.notices.NoticeDates;
import uk.schoolattendance.notices.PenaltyNoticeRequested;
import uk.schoolattendance.schools.SchoolDirectory;
import uk.schoolattendance.system.InvalidInputException;

/**
 * Start of {@code CourtProceedings}: validates the inputs of docs/adr/0002 (refused start,
 * nothing created), records the proceedings and sets when preparation falls due: within the
 * preparation period, and before the 6-month limit for laying an information when it is known.
 */
@Component("courtProceedingsRequested")
public class CourtProceedingsRequested implements ExecutionListener {

  static final Set<String> TYPES = Set.of("prosecution", "education-supervision-order");

  private final SchoolDirectory schools;
  private final CourtProceedingsRepository proceedings;
  private final NoticeDates dates;
  private final CourtProperties properties;

  public CourtProceedingsRequested(
      SchoolDirectory schools, CourtProceedingsRepository proceedings, NoticeDates dates, CourtProperties properties) {
    this.schools = schools;
    this.proceedings = proceedings;
    this.dates = dates;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseReference = Inputs.optionalText(execution, "caseReference", 64);
    String upn = Inputs.requiredUpn(execution, "pupilUpn");
    String pupilName = Inputs.requiredText(execution, "pupilName", 200);
    String urn = Inputs.requiredText(execution, "schoolUrn", 6);
    if (!schools.isKnown(urn)) {
      throw new InvalidInputException("schoolUrn", "no school with URN " + urn + " is known");
    }
    String type = Inputs.oneOf(execution, "proceedingsType", TYPES);
    String noticeNumber = Inputs.optionalText(execution, "noticeNumber", 20);
    if (noticeNumber != null && !PenaltyNoticeRequested.NOTICE_NUMBER.matcher(noticeNumber).matches()) {
      throw new InvalidInputException("noticeNumber", "must be a notice number like PN-2026-000123");
    }
    LocalDate informationDeadline = Inputs.optionalDate(execution, "informationDeadline", dates.zone());
    List<String[]> parents = parents(execution);
    execution.setVariable("parentIds", String.join(", ", parents.stream().map(p -> p[0]).toList()));
    execution.setVariable("parentNames", String.join(" and ", parents.stream().map(p -> p[1]).toList()));
    execution.setVariable("informationDeadline", dates.startOfDay(informationDeadline));

    LocalDate due = dates.addWorkingDays(dates.today(), properties.preparationWorkingDays());
    if (informationDeadline != null && due.isAfter(informationDeadline.minusDays(properties.informationMarginDays()))) {
      due = informationDeadline.minusDays(properties.informationMarginDays());
      due = due.isBefore(dates.today()) ? dates.today() : due;
    }
    execution.setVariable("preparationDueDate", dates.atTimeOfDay(due));

    proceedings.insertIfAbsent(
        new CourtProceedingsRecord(
            execution.getProcessInstanceId(), caseReference, noticeNumber, upn, pupilName, urn,
            String.join(",", parents.stream().map(p -> p[0]).toList()), type, null, informationDeadline, null,
            null, null, null, null, null, null));
  }

  /** The liable parents: {@code parents} (Json array of {id,name,address}) or {@code parentId}. */
  static List<String[]> parents(DelegateExecution execution) {
    Object value = execution.getVariable("parents");
    List<String[]> parents = new ArrayList<>();
    if (value != null) {
      SpinJsonNode json;
      try {
        json = value instanceof SpinJsonNode node ? node : Spin.JSON(value.toString());
      } catch (RuntimeException e) {
        throw new InvalidInputException("parents", "must be a Json array of {\"id\",\"name\",\"address\"}");
      }
      if (!json.isArray() || json.elements().isEmpty()) {
        throw new InvalidInputException("parents", "must be a Json array with at least one parent");
      }
      for (SpinJsonNode parent : json.elements()) {
        if (!parent.isObject() || !parent.hasProp("id") || !parent.hasProp("name")
            || parent.prop("id").stringValue().isBlank() || parent.prop("name").stringValue().isBlank()) {
          throw new InvalidInputException("parents", "each parent needs an \"id\" and a \"name\"");
        }
        parents.add(new String[] {parent.prop("id").stringValue(), parent.prop("name").stringValue()});
      }
      return parents;
    }
    if (execution.getVariable("parentId") == null) {
      throw new InvalidInputException("parents", "is required: a Json array of parents, or parentId and parentName");
    }
    parents.add(new String[] {
      Inputs.requiredText(execution, "parentId", 64), Inputs.requiredText(execution, "parentName", 200)
    });
    return parents;
  }
}
