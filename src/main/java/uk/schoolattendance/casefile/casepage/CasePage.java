package uk.schoolattendance.casefile.casepage;

import java.util.List;
import uk.schoolattendance.casefile.CaseSummary;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.persons.PersonPage;
import uk.schoolattendance.persons.Persons;

/**
 * One case as its page shows it (templates/casefile/case.html), every value in words and UK dates.
 *
 * @param summary the case as lists show it (reference, pupil, school, level and stage, state, next steps)
 * @param facts the case's facts as a summary list, in order
 * @param parents the liable parents
 * @param tasks the open tasks the viewer may open in Tasklist
 * @param timeline everything that happened, newest first
 * @param letters the letters sent, each a PDF
 * @param notices the penalty notices and their state
 * @param prosecutionBars the withdrawn notices to a parent of the case for its pupil, any period: no
 *     prosecution of that parent for an overlapping offence period (reg 8, {@link uk.schoolattendance.notices.ProsecutionBar})
 * @param actions what the viewer may do here
 * @param banner a confirmation of what the viewer just did, or null
 * @param stayed why an open case stayed at a school whose roll its pupil left, and who to contact; null otherwise
 * @param court each court proceedings of the case (its own, each penalty notice's), oldest first, as facts
 */
public record CasePage(
    CaseSummary summary,
    List<Fact> facts,
    RegisterView register,
    List<ParentView> parents,
    List<TaskLink> tasks,
    List<TimelineEntry> timeline,
    List<Letter> letters,
    List<NoticeView> notices,
    List<ProsecutionBarView> prosecutionBars,
    List<DocumentView> documents,
    Actions actions,
    String banner,
    List<OtherCase> otherCases,
    String newCaseHref,
    String stayed,
    List<CourtView> court) {

  /**
   * One court proceedings as the case page's Court section shows it: a title ("Prosecution of Gail
   * Marsh") and its facts in order (offence, period, information, interview, hearings, outcome);
   * {@code orderMade}: an education supervision order made on the application, which may be extended;
   * {@code orderEnded}: what became of it once it is no longer in force ("Discharged on 3 May 2027"),
   * null while it is (or when no order was made); {@code orderDischarged}: the court discharged it or
   * made a care order (para 15(6)(b), para 17), so there is no order left to extend.
   */
  public record CourtView(String title, List<Fact> facts, boolean orderMade, String orderEnded, boolean orderDischarged) {}

  /** Another case of the same pupil, earlier or later, that the viewer may read. */
  public record OtherCase(String caseReference, String href, String words) {}

  /** A document added to the case: what it is, its name, type and size, who added it and when, where to read it. */
  public record DocumentView(String kind, String fileName, String type, String size, String by, String when, String href) {}

  /** The document form as sent: what the person said the document is. */
  public record DocumentForm(String kind) {

    public static DocumentForm empty() {
      return new DocumentForm("");
    }
  }

  /** A row of a summary list. */
  public record Fact(String label, String value) {}

  /** The pupil's figures from the register of marks, and attendance by week as bars of a chart. */
  public record RegisterView(List<Fact> facts, List<WeekBar> weeks) {

    public int chartWidth() {
      return Math.max(1, weeks.size()) * (RegisterFigures.BAR_WIDTH + RegisterFigures.BAR_GAP);
    }
  }

  /**
   * One week's bar: "week of 2 March 2026", "92%", and where the bar stands in the chart.
   *
   * @param shortLabel "2 Mar", under the bar
   */
  public record WeekBar(String weekOf, String percent, int x, int y, int height, String shortLabel) {}

  /** A parent of the case; {@code href} is their person page when the id names a person ({@code P-...}), else null. */
  /**
   * A liable parent as the page lists them; {@code relationship} and {@code responsibility} in
   * words ("Mother"; "Parental responsibility and day-to-day care"), "Not recorded" for a case
   * opened before they were asked.
   */
  public record ParentView(String id, String name, String address, String href, String relationship, String responsibility) {

    public ParentView(String id, String name, String address, uk.schoolattendance.process.ParentStanding standing) {
      this(id, name, address, Persons.looksLikePersonId(id) ? PersonPage.href(id) : null,
          standing.relationshipWords(), standing.responsibilityWords());
    }
  }

  /** An open task the viewer may open in Tasklist. */
  public record TaskLink(String name, String href) {}

  /**
   * One thing that happened.
   *
   * @param when "9:05am on 28 May 2027"
   * @param title "Note", "Phone call", "Pupil's name corrected", "Level changed"
   * @param by who did it
   * @param text what they wrote: the note, the reason
   * @param onDay for a contact, the day it took place, or empty
   * @param where "Level 2: facilitate support"
   */
  public record TimelineEntry(String when, String title, String by, String text, String onDay, String where) {}

  public record Letter(String title, String href) {}

  /**
   * A withdrawn notice that bars prosecuting its parent (reg 8), in words: "No prosecution of Alex
   * Parent for an offence period overlapping 2 November 2026 to 13 November 2026: penalty notice
   * PN-2026-000001 was withdrawn on 20 November 2026".
   */
  public record ProsecutionBarView(String parent, String noticeNumber, String offencePeriod, String withdrawnOn, String words) {}

  /** A notice of the case; {@code amountDue} says what the parent may still pay and by when, soonest first. */
  public record NoticeView(String number, String parent, String status, String issuedOn, String amountDue, String paid) {}

  /**
   * What the viewer may do on this page, as the engine decides (and the forms as they were
   * typed, with their errors, when a change was refused).
   */
  public record Actions(
      boolean addNote,
      boolean correct,
      boolean close,
      List<Integer> levels,
      List<CorrectableField> correctable,
      NoteForm note,
      CorrectionForm correction,
      CloseForm closing,
      LevelForm level,
      DocumentForm document,
      String documentLimit,
      List<FieldError> errors,
      boolean reassign,
      ParentForm parent,
      java.util.Map<String, String> relationships,
      boolean extendOrder,
      ExtensionForm extension,
      String orderEnded,
      boolean orderDischarged) {

    /**
     * Whether the extension form is shown: to those who record extensions, unless the case's latest
     * order was discharged or ended by a care order (the API refuses to extend those: nothing is in
     * force). An order that ended by its last day keeps the form: an extension the court made before
     * it expired (para 15(2)) may be recorded after, and the API takes it for an application made in
     * the order's last months.
     */
    public boolean extensionOffered() {
      return extendOrder && !orderDischarged;
    }

    /**
     * Whether the discharge form is shown: to those who record extensions, while the case's latest
     * order is in force; once it has been discharged or has ended, {@link #orderEnded} says how instead.
     */
    public boolean dischargeOrder() {
      return extendOrder && orderEnded == null;
    }

    public boolean any() {
      return addNote || correct || close;
    }

    /** The kinds of note a person chooses from, with their words. */
    public java.util.Map<String, String> kinds() {
      return CaseNotes.KINDS;
    }

    /** The results of an application to extend an education supervision order, with their words. */
    public java.util.Map<String, String> extensionResults() {
      java.util.Map<String, String> results = new java.util.LinkedHashMap<>();
      results.put(uk.schoolattendance.court.SupervisionOrderExtensions.EXTENDED, "The court extended the order");
      results.put(uk.schoolattendance.court.SupervisionOrderExtensions.REFUSED, "The court refused to extend it");
      return results;
    }

    /** Why an education supervision order ended early, with its words. */
    public java.util.Map<String, String> endedByReasons() {
      java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
      reasons.put(uk.schoolattendance.court.SupervisionOrderExtensions.DISCHARGE, "The court discharged it (Children Act 1989 Sch 3 para 17)");
      reasons.put(uk.schoolattendance.court.SupervisionOrderExtensions.CARE_ORDER,
          "A care order was made for the child (Children Act 1989 Sch 3 para 15(6)(b))");
      return reasons;
    }

    /** What a person says a document is, with its words. */
    public java.util.Map<String, String> documentKinds() {
      return CaseDocuments.KINDS;
    }
  }

  /** A fact a correction may change, with its value now. */
  public record CorrectableField(String field, String label, String value) {}

  public record NoteForm(String kind, String day, String month, String year, String text) {

    public static NoteForm empty() {
      return new NoteForm("note", "", "", "", "");
    }
  }

  public record CorrectionForm(String field, String value, String reason) {

    public static CorrectionForm empty() {
      return new CorrectionForm("", "", "");
    }
  }

  /**
   * A liable parent to add: name and address, as the start form takes each parent, and their
   * relationship to the child, parental responsibility and day-to-day care ("yes", "no" or blank).
   */
  public record ParentForm(String name, String address, String relationship, String responsibility, String care) {

    public static ParentForm empty() {
      return new ParentForm("", "", "", "", "");
    }
  }

  /**
   * The Court section's forms for an education supervision order as typed: an application to extend
   * it (the day the authority applied, the court's result, {@code extended} or {@code refused}, and
   * the day the order now ends) and its early end (the day, and why: {@code discharge} or {@code care-order}).
   */
  public record ExtensionForm(uk.schoolattendance.casefile.DayInput appliedOn, String result,
      uk.schoolattendance.casefile.DayInput newEndsOn, uk.schoolattendance.casefile.DayInput dischargedOn, String endedBy) {

    public ExtensionForm(uk.schoolattendance.casefile.DayInput appliedOn, String result, uk.schoolattendance.casefile.DayInput newEndsOn) {
      this(appliedOn, result, newEndsOn, uk.schoolattendance.casefile.DayInput.empty(), uk.schoolattendance.court.SupervisionOrderExtensions.DISCHARGE);
    }

    public static ExtensionForm empty() {
      return new ExtensionForm(uk.schoolattendance.casefile.DayInput.empty(), "", uk.schoolattendance.casefile.DayInput.empty());
    }

    /** An early end as typed, the extension form empty. */
    public static ExtensionForm discharge(uk.schoolattendance.casefile.DayInput dischargedOn, String endedBy) {
      ExtensionForm empty = empty();
      return new ExtensionForm(empty.appliedOn(), empty.result(), empty.newEndsOn(), dischargedOn, endedBy);
    }
  }

  public record LevelForm(String level, String reason) {

    public static LevelForm empty() {
      return new LevelForm("", "");
    }
  }

  public record CloseForm(String reason) {

    public static CloseForm empty() {
      return new CloseForm("");
    }
  }
}
