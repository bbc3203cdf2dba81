package uk.schoolattendance.process;

import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Lines of a PDF document (OpenPDF) that must stay on one page: a letter's signature block ("Yours
 * sincerely", the space to sign, the name and "For and on behalf of …"), a certificate's statement
 * and signature, a closing section's heading and its text. Drawn as one borderless full-width cell
 * of a table that is kept together: when the lines do not fit below what comes before them they all
 * start the next page, so no page holds a closing line alone.
 */
public final class KeptTogether {

  /** The elements, in order, as one block that a page break never splits. */
  public static PdfPTable of(Element... elements) {
    PdfPCell cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setPadding(0);
    for (Element element : elements) {
      cell.addElement(element);
    }
    PdfPTable block = new PdfPTable(1);
    block.setWidthPercentage(100);
    block.setKeepTogether(true);
    block.addCell(cell);
    return block;
  }

  private KeptTogether() {}
}
