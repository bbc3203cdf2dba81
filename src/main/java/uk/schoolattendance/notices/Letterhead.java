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
 * so every letter names the sender the same way, and one check ({@link #requireSender}) keeps the
 * national placeholders off every letter.
 */
public final class Letterhead {

  /** The letters the Notice to Improve's refusal names. */
  public static final String NOTICES_TO_IMPROVE = "Notices to Improve";

  /**
   * Refuses ({@link SenderDetailsMissing}, naming each property) while the authority's name or
   * address is still the national placeholder: no letter goes out as "The Local Authority, Civic
   * Centre, High Street". The same check as the penalty notice's ({@link Authority#missingSender()},
   * part of {@link Authority#missingToIssue()}); a letter that asks for no payment needs no way to pay.
   *
   * @param letters what is refused, as a sentence's subject ({@link #NOTICES_TO_IMPROVE})
   */
  public static void requireSender(Authority authority, String letters) {
    List<String> missing = authority.missingSender();
    if (!missing.isEmpty()) {
      throw new SenderDetailsMissing(letters, missing);
    }
  }

  /** The block's lines, with the authority's team ({@code contact}): the authority's name first. */
  public static List<String> lines(Authority authority) {
    return lines(authority, authority.contact());
  }

  /**
   * The block's lines with the team that sends this letter (the Notice to Improve's is the
   * attendance service, not the penalty notice team): the authority's name first.
   */
  public static List<String> lines(Authority authority, String team) {
    List<String> lines = new ArrayList<>();
    lines.add(authority.name());
    lines.add(team + ", " + authority.address());
    if (authority.telephone() != null) {
      lines.add("Telephone " + authority.telephone());
    }
    return lines;
  }

  /** Adds the block to the letter: the authority's name in {@code heading}, the rest in {@code body}. */
  public static void write(Document document, Authority authority, Font heading, Font body) throws DocumentException {
    write(document, authority, authority.contact(), heading, body);
  }

  /** Adds the block to the letter, from {@code team}: the authority's name in {@code heading}, the rest in {@code body}. */
  public static void write(Document document, Authority authority, String team, Font heading, Font body)
      throws DocumentException {
    List<String> lines = lines(authority, team);
    document.add(new Paragraph(lines.get(0), heading));
    for (String line : lines.subList(1, lines.size())) {
      document.add(new Paragraph(line, body));
    }
  }

  private Letterhead() {}
}
