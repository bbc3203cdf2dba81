package uk.schoolattendance.notices;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import java.util.ArrayList;
import java.util.List;
import uk.schoolattendance.notices.PenaltyNoticeProperties.Authority;

/**
 * The authority's sender block at the head of each of its letters (the penalty notice, the Notice
 * to Improve): its name, the team and its postal address, and the team's telephone number when
 * the council configured one ({@code attendance.penalty-notices.authority}). One place draws it,
 * so every letter names the sender the same way.
 */
public final class Letterhead {

  /** The block's lines: the authority's name first. */
  public static List<String> lines(Authority authority) {
    List<String> lines = new ArrayList<>();
    lines.add(authority.name());
    lines.add(authority.contact() + ", " + authority.address());
    if (authority.telephone() != null) {
      lines.add("Telephone " + authority.telephone());
    }
    return lines;
  }

  /** Adds the block to the letter: the authority's name in {@code heading}, the rest in {@code body}. */
  public static void write(Document document, Authority authority, Font heading, Font body) throws DocumentException {
    List<String> lines = lines(authority);
    document.add(new Paragraph(lines.get(0), heading));
    for (String line : lines.subList(1, lines.size())) {
      document.add(new Paragraph(line, body));
    }
  }

  private Letterhead() {}
}
