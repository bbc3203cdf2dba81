package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.schoolattendance.persons.Persons;
import uk.schoolattendance.process.Days;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.process.Parent;

/**
 * No prosecution after a withdrawn notice for the same offence (Education (Penalty Notices)
 * (England) Regulations 2007 reg 8, as every code of conduct repeats it): once a penalty notice is
 * withdrawn, no proceedings may be continued or instituted against its recipient for the offence
 * to which it related. The offence is the child's absence in the notice's offence period, so a
 * prosecution of that parent for that child whose offence period shares a day with a withdrawn
 * notice's period is refused, whoever issued the notice (the authority, or another issuer whose
 * notice the register records). Another parent, and another period, stay prosecutable.
 *
 * <p>Every path that starts or records a prosecution asks here: the Pupil Planning Meeting's
 * prosecution, "Choose another route", "Decide on non-payment" and "Record prosecution", and the
 * start of {@code CourtProceedings} itself. The forms where the choice is made show the withdrawn
 * notices beforehand ({@link #shown}).
 */
@Component
public class ProsecutionBar {

  /** The regulation, as refusals and forms cite it. */
  public static final String REGULATION = "Education (Penalty Notices) (England) Regulations 2007 reg 8";

  private final PenaltyNoticeRegister register;
  private final Persons persons;

  public ProsecutionBar(PenaltyNoticeRegister register, Persons persons) {
    this.register = register;
    this.persons = persons;
  }

  /** The withdrawn notices to this parent for this child whose offence period overlaps {@code from}–{@code to}. */
  public List<PenaltyNoticeEntry> barring(Parent parent, String pupilUpn, LocalDate from, LocalDate to) {
    return register.withdrawnOverlapping(parent.id(), personOf(parent), pupilUpn, from, to);
  }

  /**
   * Refuses, naming {@code field}, a prosecution of {@code parent} for this child and offence
   * period when a withdrawn notice to that parent covers any day of it; nothing is changed.
   */
  public void requireProsecutable(String field, Parent parent, String pupilUpn, LocalDate from, LocalDate to) {
    List<PenaltyNoticeEntry> barring = barring(parent, pupilUpn, from, to);
    if (!barring.isEmpty()) {
      throw new InvalidInputException(field, refusal(parent.name(), barring));
    }
  }

  /** The refusal's words: the parent, each withdrawn notice's number and period, and the rule. */
  static String refusal(String parentName, List<PenaltyNoticeEntry> barring) {
    return "no prosecution of " + parentName + " for this offence period: " + notices(barring) + " to " + parentName
        + " for this child " + (barring.size() == 1 ? "was" : "were") + " withdrawn, and once a notice is withdrawn no"
        + " proceedings may be instituted against its recipient for the offence it related to (" + REGULATION + ")."
        + " Prosecute for an offence period that does not overlap it, or leave " + parentName + " out";
  }

  /**
   * For the forms where a prosecution is chosen: each withdrawn notice to these parents for this
   * child, any period, one line each ("Alex Parent: penalty notice PN-2026-000001 for 2 November
   * 2026 to 13 November 2026, withdrawn on 20 November 2026"), with what follows; null when there
   * is none.
   */
  public String shown(Collection<Parent> parents, String pupilUpn) {
    return shown(parents, pupilUpn, null, null);
  }

  /** As {@link #shown(Collection, String)}, only the notices whose period overlaps {@code from}–{@code to}. */
  public String shown(Collection<Parent> parents, String pupilUpn, LocalDate from, LocalDate to) {
    List<String> lines = new ArrayList<>();
    for (Parent parent : parents) {
      for (PenaltyNoticeEntry notice : barring(parent, pupilUpn, from, to)) {
        lines.add(parent.name() + ": penalty notice " + notice.noticeNumber() + " for "
            + Days.shown(notice.offenceFrom(), notice.offenceTo()) + ", withdrawn"
            + (notice.withdrawnOn() == null ? "" : " on " + Days.shown(notice.withdrawnOn()))
            + (notice.issuedBy() == null || PenaltyNoticeEntry.LOCAL_AUTHORITY.equals(notice.issuedBy())
                ? "" : " (issued by " + (notice.issuerName() == null ? notice.issuedBy() : notice.issuerName()) + ")"));
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    return String.join("\n", lines) + "\n\nNo prosecution of a parent named here may be for an offence period that"
        + " overlaps that notice's period (" + REGULATION + "); another period, and the other parents, may be prosecuted.";
  }

  private static String notices(List<PenaltyNoticeEntry> barring) {
    List<String> each = new ArrayList<>();
    for (PenaltyNoticeEntry notice : barring) {
      each.add(notice.noticeNumber() + " (" + Days.shown(notice.offenceFrom(), notice.offenceTo()) + ")");
    }
    return (barring.size() == 1 ? "penalty notice " : "penalty notices ") + String.join(", ", each);
  }

  /** The person the parent is: the one its id names, else the one matched on name, address and date of birth. */
  private String personOf(Parent parent) {
    return persons.survivor(parent.id())
        .or(() -> parent.name() == null || parent.address() == null
            ? Optional.empty()
            : persons.match(parent.name(), parent.address(), parent.dateOfBirth()))
        .orElse(null);
  }
}
