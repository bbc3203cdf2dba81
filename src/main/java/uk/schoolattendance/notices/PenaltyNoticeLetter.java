package uk.schoolattendance.notices;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeProperties.Authority;
import uk.schoolattendance.process.KeptTogether;
import uk.schoolattendance.process.Wording;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * The penalty notice as a PDF, rendered from the register entry alone, so the same entry always
 * gives the same letter. It carries the statutory contents: recipient, child, school, offence
 * period, amounts and periods, how to pay, what happens if it is not paid, and the grounds on
 * which it may be withdrawn.
 */
@Component
public class PenaltyNoticeLetter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final SchoolDirectory schools;
  private final PenaltyNoticeProperties properties;
  private final NoticeDates dates;

  public PenaltyNoticeLetter(SchoolDirectory schools, PenaltyNoticeProperties properties, NoticeDates dates) {
    this.schools = schools;
    this.properties = properties;
    this.dates = dates;
  }

  /**
   * The notice as it will stand when given on {@code on} by {@code method} (for printing a prepared
   * notice before it is posted or handed over), issued by the officer named {@code officerName};
   * an issued notice as it is.
   */
  public PenaltyNoticeEntry asGiven(PenaltyNoticeEntry notice, String method, LocalDate on, String officerName) {
    if (!PenaltyNoticeEntry.PREPARED.equals(notice.status())) {
      return notice;
    }
    LocalDate received = dates.deemedReceipt(method, on);
    return notice.asGiven(
        method, on, received, dates.reducedDeadline(received), dates.finalDeadline(received), officerName);
  }

  /**
   * The letter as a PDF. Refused ({@link PaymentDetailsMissing}, naming each property) while the
   * council has not set its name, address or a way to pay: a letter never tells a parent to pay a
   * placeholder.
   */
  public byte[] render(PenaltyNoticeEntry n) {
    Authority authority = properties.authority();
    authority.requireReadyToIssue();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 42, 42);
    try {
      com.lowagie.text.pdf.PdfWriter.getInstance(document, pdf);
      document.addTitle("Penalty notice " + n.noticeNumber());
      document.addAuthor(authority.name());
      document.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
      Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
      Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);

      Letterhead.write(document, authority, heading, body);
      document.add(new Paragraph("Penalty notice " + n.noticeNumber(), title));
      document.add(new Paragraph(
          "Education Act 1996, section 444A, and the Education (Penalty Notices) (England) Regulations 2007", body));
      document.add(new Paragraph("Date of issue: " + day(n.issuedOn()), body));
      document.add(new Paragraph(
          "Issued by: " + (n.issuingOfficerName() == null ? "" : n.issuingOfficerName() + ", ")
              + authority.officerParticulars() + ", " + authority.name(),
          body));

      section(document, heading, "To");
      document.add(new Paragraph(n.parentName(), body));
      document.add(new Paragraph(n.parentAddress(), body));

      section(document, heading, "The child and the school");
      document.add(new Paragraph("Child: " + n.pupilName() + " (UPN " + n.pupilUpn() + ")", body));
      document.add(new Paragraph("Child's address: " + (n.pupilAddress() == null ? "not recorded" : n.pupilAddress()), body));
      document.add(new Paragraph("School: " + schoolName(n.schoolUrn()) + " (URN " + n.schoolUrn() + ")", body));

      section(document, heading, "The offence");
      document.add(new Paragraph(
          "You are a parent of the child named above, a registered pupil of compulsory school age at the school named"
              + " above. Between " + day(n.offenceFrom()) + " and " + day(n.offenceTo()) + " the child failed to attend"
               + " the school regularly" + sessions(n) + ": " + reasonText(n.noticeReason())
              + ". This is an offence under section 444(1) of the Education Act 1996.",
          body));
      if ("holiday".equals(n.noticeReason()) && n.evidence() != null) {
        document.add(new Paragraph(
            "The head teacher refused your request for leave of absence in term time and you were warned in"
                + " writing before the absence that a penalty notice may follow. Evidence held: your leave"
                + " application, the school's written refusal, the written warning and a certificate of the"
                + " attendance register.",
            body));
      }
      document.add(new Paragraph(
          "This is the " + Wording.ordinal(n.sequence()) + " penalty notice issued to you for this child in " + properties.limitYears()
              + " years. It gives you the opportunity to discharge your liability to conviction for the offence by"
              + " paying a penalty.",
          body));

      section(document, heading, "What you must pay and by when");
      document.add(new Paragraph(receipt(n), body));
      if (n.reducedAmount() != null) {
        document.add(new Paragraph(
            "Pay " + pounds(n.reducedAmount()) + " if you pay by " + day(n.reducedDeadline()) + " (within the "
                + properties.reducedPeriodDays() + " days beginning with the day you received this notice).",
            body));
        document.add(new Paragraph(
            "Otherwise pay " + pounds(n.fullAmount()) + " by " + day(n.finalDeadline()) + " (within the "
                + properties.fullPeriodDays() + " days beginning with the day you received this notice).",
            body));
      } else {
        document.add(new Paragraph(
            "Pay " + pounds(n.fullAmount()) + " by " + day(n.finalDeadline()) + " (within the "
                + properties.fullPeriodDays() + " days beginning with the day you received this notice). As this is a"
                + " second notice within "
                + properties.limitYears() + " years, no reduced amount applies.",
            body));
      }
      document.add(new Paragraph(
          "The penalty must be paid in full in one payment: part payments are not accepted and will be returned."
              + " There is no right of appeal against a penalty notice.",
          body));

      section(document, heading, "How to pay");
      for (String way : waysToPay(authority)) {
        document.add(new Paragraph(way, body));
      }
      document.add(new Paragraph("Quote the notice number " + n.noticeNumber() + " with your payment.", body));

      section(document, heading, "If you do not pay");
      document.add(new Paragraph(
          "If the penalty is not paid in full by " + day(n.finalDeadline()) + ", the local authority must either"
              + " prosecute you for the offence under section 444(1) of the Education Act 1996 or withdraw this notice."
              + " On conviction the magistrates' court may fine you up to £1,000, and may make a parenting order."
              + " No proceedings for the offence will start before the payment period has ended. Paying the"
              + " penalty in full discharges your liability to conviction for this offence.",
          body));

      section(document, heading, "Withdrawal of this notice");
      document.add(new Paragraph(
          "The local authority may withdraw this notice, and will repay any amount paid, if it finds that:"
              + " (a) no offence was committed; (b) the notice was issued outside the terms of the local code of"
              + " conduct; (c) the notice was issued to the wrong person or contains the wrong address; or"
              + " (d) the notice contains a material error. If it is withdrawn for a material error a corrected"
              + " notice may be issued.",
          body));

      // the closing section on one page: its heading never ends a page without the address under it
      Paragraph contact = new Paragraph("Contact", heading);
      contact.setSpacingBefore(4);
      document.add(KeptTogether.of(contact, new Paragraph(
          "Write to " + authority.contact() + ", " + authority.name() + ", " + authority.address() + ", quoting "
              + n.noticeNumber() + ".",
          body)));
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("could not render penalty notice " + n.noticeNumber(), e);
    }
    return pdf.toByteArray();
  }

  /** When the parent received the notice: handed over that day, or deemed received after posting (EA 1996 s572). */
  private String receipt(PenaltyNoticeEntry n) {
    if (PenaltyNotice.HAND.equals(n.deliveryMethod())) {
      return "This notice was handed to you on " + day(n.issuedOn()) + ", the day you received it.";
    }
    return "This notice was posted on " + day(n.issuedOn()) + " and is treated as received by you on "
        + day(n.deemedReceivedOn()) + ", the " + Wording.ordinal(properties.deemedReceiptWorkingDays())
        + " working day after posting.";
  }

  private static void section(Document document, Font heading, String text) throws DocumentException {
    Paragraph paragraph = new Paragraph(text, heading);
    paragraph.setSpacingBefore(4);
    document.add(paragraph);
  }

  private String schoolName(String urn) {
    return schools.find(urn).map(School::name).orElse("School URN " + urn);
  }

  static String reasonText(String reason) {
    return switch (reason) {
      case "holiday" -> "leave of absence (a holiday) taken in term time without the school's authorisation";
      case "late" -> "persistent late arrival after the register had closed";
      default -> "unauthorised absence from school";
    };
  }

  /**
   * The ways to pay the council has configured, and no other: online and by telephone where it gave
   * the address and number, a cheque by post where it takes cheques and has a postal address for them.
   */
  static java.util.List<String> waysToPay(Authority authority) {
    java.util.List<String> ways = new java.util.ArrayList<>();
    if (authority.paymentWebAddress() != null) {
      ways.add("Pay online at " + authority.paymentWebAddress() + ".");
    }
    if (authority.paymentTelephone() != null) {
      ways.add("Pay by telephone on " + authority.paymentTelephone() + ".");
    }
    authority.chequeAddress().ifPresent(address -> ways.add(
        "Pay by post: send a cheque payable to " + authority.name() + " to "
            + (address.equals(authority.address()) ? "the address under Contact below." : address + ".")));
    if (authority.paymentInstructions() != null) {
      ways.add(authority.paymentInstructions());
    }
    return ways;
  }

  /**
   * The unauthorised sessions of the offence period and their source: counted from the register's
   * marks, or, for a pupil without marks, the count the officer confirmed from the school's
   * register printout, stated as the school's register shows it. No count: none stated.
   */
  static String sessions(PenaltyNoticeEntry n) {
    Integer sessions = n.unauthorisedSessions();
    if (sessions == null) {
      return "";
    }
    if (PenaltyNoticeEntry.SESSIONS_FROM_PRINTOUT.equals(n.sessionsSource())) {
      return ", with " + sessions + " unauthorised sessions (half days) in the period " + day(n.offenceFrom()) + " to "
          + day(n.offenceTo()) + " as shown in the school's attendance register";
    }
    return ", missing " + sessions + " sessions (half days) without authorisation";
  }

  private static String day(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  static String pounds(BigDecimal amount) {
    return "£" + amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
