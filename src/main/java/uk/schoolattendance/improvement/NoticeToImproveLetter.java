package uk.schoolattendance.improvement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The Notice to Improve as a letter (PDF, OpenPDF) with the eight contents the statutory
 * guidance requires (domain notes §4): the attendance record and the offence; the benefits of
 * attendance and the parent's duty; the support given so far; the support still on offer; a
 * clear warning; the improvement period; what sufficient improvement looks like; the grounds
 * for a penalty notice before the period ends.
 */
public final class NoticeToImproveLetter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** What the letter says about one pupil and one parent. */
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
      LocalDate endsOn,
      int periodSchoolWeeks) {}

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
              + c.unauthorisedSessions() + " sessions of unauthorised absence in the last 10 school weeks."
              + " This meets the national threshold for legal intervention (10 sessions in a rolling 10 school"
              + " weeks). Failing to secure your child's regular attendance is an offence under section 444 of"
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
              + " casework, an early help assessment with your consent, and an attendance contract. Support"
              + " offered and not taken up remains available; please contact us to accept it."
        },
        new String[] {
          "5. Warning",
          "If your child's attendance does not improve, the local authority may issue a penalty notice or"
              + " prosecute you under section 444 of the Education Act 1996."
        },
        new String[] {
          "6. Improvement period",
          "You have an improvement period of " + c.periodSchoolWeeks() + " school weeks, from "
              + DAY.format(c.issuedOn()) + " to " + DAY.format(c.endsOn()) + ". School holidays do not count."
        },
        new String[] {
          "7. What sufficient improvement looks like",
          "For " + c.pupilName() + ", sufficient improvement during the improvement period means: "
              + c.sufficientImprovement() + (c.sufficientImprovement().matches("(?s).*[.!?]\\s*") ? "" : ".")
        },
        new String[] {
          "8. When a penalty notice may be issued before the period ends",
          "A penalty notice may be issued before the end of the improvement period if your child has further"
              + " unauthorised absence during it, or if you refuse to engage with the support on offer."
        });
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
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
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

  private static void write(Document document, Content c) throws DocumentException {
    {
      Font heading = new Font(Font.HELVETICA, 16, Font.BOLD);
      Font bold = new Font(Font.HELVETICA, 11, Font.BOLD);
      Font body = new Font(Font.HELVETICA, 11, Font.NORMAL);
      document.add(new Paragraph(c.parentName(), body));
      document.add(new Paragraph(c.parentAddress(), body));
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph(DAY.format(c.issuedOn()) + "    Our reference: " + c.caseReference(), body));
      document.add(new Paragraph(" ", body));
      document.add(new Paragraph("Notice to Improve: school attendance of " + c.pupilName(), heading));
      for (String[] section : sections(c)) {
        Paragraph title = new Paragraph(section[0], bold);
        title.setSpacingBefore(10);
        document.add(title);
        document.add(new Paragraph(section[1], body));
      }
    }
  }

  private NoticeToImproveLetter() {}
}
