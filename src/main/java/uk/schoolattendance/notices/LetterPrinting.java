package uk.schoolattendance.notices;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * What a penalty notice's letter prints, and whether it prints at all: one rule for the single
 * letter ({@code GET /api/penalty-notices/{n}/letter}) and for a page of the print queue printed as
 * one PDF, so a letter in a print run is the same letter, page for page, as its own PDF.
 *
 * <ul>
 *   <li>an issued notice prints as it was sent ({@link PenaltyNoticeRegister#asSent});
 *   <li>a prepared notice prints the dates it will have when given on the day and in the way asked,
 *       naming the officer who prints it as its issuer;
 *   <li>a prepared notice beyond the limit is not printed ("Beyond the limit"): it may not be posted;
 *   <li>a notice withdrawn before it was issued is not printed ("Withdrawn before issue"): it was
 *       never sent, so there is no copy as sent, and a letter with no date of issue helps nobody.
 * </ul>
 */
@Component
public class LetterPrinting {

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeLetter letter;
  private final PenaltyNoticeProperties properties;
  private final IdentityService identityService;

  LetterPrinting(
      PenaltyNoticeRegister register, PenaltyNoticeLetter letter, PenaltyNoticeProperties properties,
      IdentityService identityService) {
    this.register = register;
    this.letter = letter;
    this.properties = properties;
    this.identityService = identityService;
  }

  /** Refused ({@link NoticeActionRefused}) when the notice's letter may not be printed, with why. */
  public void requirePrintable(PenaltyNoticeEntry notice) {
    if (PenaltyNoticeEntry.PREPARED.equals(notice.status()) && notice.beyondLimit(properties.limit())) {
      // a letter that may not be posted is not printed either: nobody posts it by mistake
      throw new NoticeActionRefused(NoticeActionRefused.Why.LIMIT_REACHED, "Beyond the limit",
          "The letter is not printed: " + NoticePlaces.beyondLimitRefusal(notice, properties));
    }
    if (notice.withdrawnBeforeIssue()) {
      throw new NoticeActionRefused(NoticeActionRefused.Why.NOT_WAITING, WITHDRAWN_BEFORE_ISSUE,
          "The letter is not printed: notice " + notice.noticeNumber() + " was withdrawn"
              + (notice.withdrawnOn() == null ? "" : " on " + DAY.format(notice.withdrawnOn()))
              + " before it was issued. It was never posted or handed to the parent, so there is no copy as sent.");
    }
  }

  /** The title of the refusal, and the register's words, for a notice withdrawn before it was issued. */
  public static final String WITHDRAWN_BEFORE_ISSUE = "Withdrawn before issue";

  /**
   * The letter of {@code notice} as a PDF: as sent once issued, otherwise as it will stand when given
   * on {@code on} by {@code method}, issued by {@code userId}.
   */
  public byte[] letter(PenaltyNoticeEntry notice, String method, LocalDate on, String userId) {
    requirePrintable(notice);
    return letter.render(register.asSent(notice.noticeNumber())
        .orElseGet(() -> letter.asGiven(notice, method, on, IssuingOfficers.name(identityService, userId))));
  }

  /**
   * The letters of {@code notices}, in that order, as one PDF: each letter its own PDF's pages
   * copied unchanged, so each starts on a new page and reads exactly as when printed alone. Refused
   * as a whole when one of them may not be printed.
   */
  public byte[] letters(List<PenaltyNoticeEntry> notices, String method, LocalDate on, String userId, String title) {
    notices.forEach(this::requirePrintable);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document();
    try {
      PdfCopy copy = new PdfCopy(document, out);
      document.addTitle(title);
      document.open();
      for (PenaltyNoticeEntry notice : notices) {
        PdfReader reader = new PdfReader(letter(notice, method, on, userId));
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
          copy.addPage(copy.getImportedPage(reader, page));
        }
        copy.freeReader(reader);
        reader.close();
      }
      document.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("could not put " + notices.size() + " letters into one PDF", e);
    }
    return out.toByteArray();
  }
}
