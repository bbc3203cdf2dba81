package uk.schoolattendance.improvement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import uk.schoolattendance.notices.Letterhead;
import uk.schoolattendance.notices.PenaltyNoticeProperties.Authority;
import uk.schoolattendance.process.KeptTogether;
import uk.schoolattendance.process.ThresholdWords;

/**
 * The Notice to Improve as a letter (PDF, OpenPDF) with the eight contents the statutory
 * guidance requires (domain notes §4): the attendance record and the offence; the benefits of
 * attendance and the parent's duty; the support given so far; the support still on offer; a
 * clear warning; the improvement period; what sufficient improvement looks like; the grounds
 * for a penalty notice before the period ends. It comes from the authority: its sender block
 * ({@link Letterhead}, the same as the penalty notice's, with the Notice to Improve's own team),
 * the case officer who can be contacted (else the team), and a signature block.
 */
public final class NoticeToImproveLetter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /**
   * The officer who signs the letter and whom the parent contacts: the case's officer, by name,
   * with their email address when the identity store has one.
   */
  public record Officer(String name, String email) {}

  /**
   * What the letter says about one pupil and one parent.
   *
   * @param issuedOn the letter's date (the day it is posted)
   * @param startsOn the improvement period's first day: the first school day on or after the day the
   *     notice counts as received ({@link ImprovementPeriod}), never the letter's date
   * @param lastDay the last school day inside the improvement period (not the day after it, when
   *     its review falls due)
   * @param sender the authority as its letters name it
   * @param team the team that sends the notice and whose officer signs it (the attendance service's,
   *     {@code attendance.notice-to-improve.team}), in place of the authority's penalty notice team
   * @param officer the case officer; null: the letter names the team instead
   * @param earlyHelpAssessmentStarted the case recorded an early help assessment as started: the
   *     letter does not offer it again as support still on offer (walk 13, #23)
   * @param threshold the national threshold as the council configured it: the window the
   *     unauthorised sessions were counted in, and the threshold the letter names
   * @param earlyEscalationGrounds the only grounds on which a penalty notice may follow before the
   *     period ends, in words ({@code attendance.notice-to-improve.early-escalation-reasons}): the
   *     same list the officer's form offers and the rule accepts
   */
  public record Content(
      String caseReference,
      String parentName,
      String parentAddress,
      String pupilName,
      String pupilUpn,
      String schoolName,
      double attendancePercent,
      int unauthorisedSessions,
      String supportSoFar,
      String sufficientImprovement,
      LocalDate issuedOn,
      LocalDate startsOn,
      LocalDate lastDay,
      int periodSchoolWeeks,
      Authority sender,
      String team,
      Officer officer,
      ThresholdWords threshold,
      boolean earlyHelpAssessmentStarted,
      List<String> earlyEscalationGrounds) {}

  /** The eight statutory sections, in order, as headed paragraphs (also used by tests). */
  public static List<String[]> sections(Content c) {
    String support =
        c.supportSoFar() == null || c.supportSoFar().isBlank()
            ? "We have offered support through your child's school and the attendance service."
            : c.supportSoFar();
    return List.of(
        new String[] {
          "1. Your child's attendance record and the offence",
          c.pupilName() + " (UPN " + c.pupilUpn() + ") at " + c.schoolName() + " has attended "
              + String.format(Locale.UK, "%.1f", c.attendancePercent()) + " % of possible sessions and has "
              + c.unauthorisedSessions() + " sessions of unauthorised absence in " + c.threshold().lastSchoolWeeks() + "."
              + " This meets the national threshold for legal intervention (" + c.threshold().threshold()
              + "). Failing to secure your child's regular attendance is an offence under section 444 of"
              + " the Education Act 1996."
        },
        new String[] {
          "2. Why attendance matters and your duty",
          "Regular attendance is vital to your child's learning, wellbeing and future. As a parent you have"
              + " a legal duty under section 7 of the Education Act 1996 to ensure your child receives a suitable"
              + " full-time education by regular attendance at school."
        },
        new String[] {"3. Support given so far", support},
        new String[] {
          "4. Support still on offer",
          "Your child's school and the attendance service remain ready to help: an attendance meeting, family"
              + " casework, " + (c.earlyHelpAssessmentStarted()
                  ? "the early help assessment already under way"
                  : "an early help assessment with your consent") + ", and an attendance contract. Support"
              + " offered and not taken up remains available; please contact " + contactName(c)
              + " (details below) to accept it."
        },
        new String[] {
          "5. Warning",
          "If your child's attendance does not improve, the local authority may issue a penalty notice or"
              + " prosecute you under section 444 of the Education Act 1996."
        },
        new String[] {
          "6. Improvement period",
          "You have an improvement period of " + c.periodSchoolWeeks() + " school weeks, from "
              + DAY.format(c.startsOn()) + " to " + DAY.format(c.lastDay()) + ". It counts from the first school"
              + " day on or after the day you receive this notice. School holidays do not count."
        },
        new String[] {
          "7. What sufficient improvement looks like",
          "For " + c.pupilName() + ", sufficient improvement during the improvement period means: "
              + c.sufficientImprovement() + (c.sufficientImprovement().matches("(?s).*[.!?]\\s*") ? "" : ".")
        },
        new String[] {
          "8. When a penalty notice may be issued before the period ends",
          "A penalty notice may be issued before the end of the improvement period, once you have received"
              + " this notice, only on these grounds: " + grounds(c.earlyEscalationGrounds()) + "."
        });
  }

  /** "further unauthorised absence …; the parent has refused …": each ground as a clause of one sentence. */
  private static String grounds(List<String> words) {
    return String.join("; ", words.stream()
        .map(String::strip)
        .map(w -> w.replaceAll("[.;]+$", ""))
        .map(w -> w.length() > 1 && Character.isLowerCase(w.charAt(1))
            ? Character.toLowerCase(w.charAt(0)) + w.substring(1) : w)
        .toList());
  }

  /** The letter as PDF bytes. */
  public static byte[] render(Content c) {
    return renderAll(List.of(c));
  }

  /**
   * One notice to each liable parent, each addressed to that parent at their own address and
   * starting on its own page (each parent is liable separately: EA 1996 s576, s444), in one PDF
   * for printing.
   */
  public static byte[] renderAll(List<Content> notices) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 40, 40);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("Notice to Improve " + notices.get(0).caseReference());
      document.open();
      for (Content c : notices) {
        document.newPage();
        write(document, c);
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("could not produce the Notice to Improve letter", e);
    }
    return out.toByteArray();
  }

  /** Whom the parent contacts: the case officer by name, else the team. */
  private static String contactName(Content c) {
    return c.officer() == null ? "the " + c.team() : "your case officer, " + c.officer().name() + ",";
  }

  /** How to reach the officer (or the team): by email when known, telephone when configured, and by post. */
  public static String contact(Content c) {
    Authority sender = c.sender();
    StringBuilder text = new StringBuilder(
        c.officer() == null
            ? "Contact the " + c.team() + " of " + sender.name()
            : "Your case officer is " + c.officer().name() + ", " + c.team() + ", " + sender.name());
    text.append(c.officer() != null && c.officer().email() != null ? ": email " + c.officer().email() : "");
    if (sender.telephone() != null) {
      text.append(c.officer() != null && c.officer().email() != null ? ", telephone " : ": telephone ")
          .append(sender.telephone());
    }
    text.append(". You can write to ").append(c.team()).append(", ").append(sender.name()).append(", ")
        .append(sender.address()).append(", quoting our reference ").append(c.caseReference()).append('.');
    return text.toString();
  }

  /** The signature block's lines after "Yours sincerely" and the space to sign in. */
  public static List<String> signedBy(Content c) {
    return c.officer() == null
        ? List.of(c.team(), "For and on behalf of " + c.sender().name())
        : List.of(c.officer().name(), "Case officer, " + c.team(),
            "For and on behalf of " + c.sender().name());
  }

  private static void write(Document document, Content c) throws DocumentException {
    Font heading = new Font(Font.HELVETICA, 14, Font.BOLD);
    Font bold = new Font(Font.HELVETICA, 10, Font.BOLD);
    Font body = new Font(Font.HELVETICA, 10, Font.NORMAL);
    Letterhead.write(document, c.sender(), c.team(), bold, body);
    Paragraph to = new Paragraph(c.parentName(), body);
    to.setSpacingBefore(10);
    document.add(to);
    document.add(new Paragraph(c.parentAddress(), body));
    Paragraph dated = new Paragraph(DAY.format(c.issuedOn()) + "    Our reference: " + c.caseReference(), body);
    dated.setSpacingBefore(8);
    document.add(dated);
    Paragraph title = new Paragraph("Notice to Improve: school attendance of " + c.pupilName(), heading);
    title.setSpacingBefore(8);
    document.add(title);
    for (String[] section : sections(c)) {
      Paragraph sectionTitle = new Paragraph(section[0], bold);
      sectionTitle.setSpacingBefore(4);
      document.add(sectionTitle);
      document.add(new Paragraph(section[1], body));
    }
    // the contact and the signature block on one page: "For and on behalf of …" never stands alone on the next
    List<Element> block = new java.util.ArrayList<>();
    Paragraph contactTitle = new Paragraph("Contact", bold);
    contactTitle.setSpacingBefore(4);
    block.add(contactTitle);
    block.add(new Paragraph(contact(c), body));
    Paragraph regards = new Paragraph("Yours sincerely,", body);
    regards.setSpacingBefore(8);
    block.add(regards);
    Paragraph signature = new Paragraph(" ", body);
    signature.setSpacingBefore(18); // room to sign
    block.add(signature);
    for (String line : signedBy(c)) {
      block.add(new Paragraph(line, body));
    }
    document.add(KeptTogether.of(block.toArray(Element[]::new)));
  }

  private NoticeToImproveLetter() {}
}
