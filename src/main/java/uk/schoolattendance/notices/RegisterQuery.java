package uk.schoolattendance.notices;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.schoolattendance.process.SqlLists;

/**
 * Filters and paging of a register search; null filters are not applied. {@code schoolUrns}
 * limits the search to those schools' pupils (a school user: see docs/security.md); null means
 * every school. {@code search} is the register page's one search box: a notice number, case
 * reference (also written short, "PN-2026-2"), child's UPN or parent's id (or the person it names),
 * matched exactly as typed or in capitals, or part of the parent's or the child's name in any case. {@code beyondLimit}, when set, keeps only the standing notices beyond (true) or within
 * (false) a limit of {@code limit} notices to the same parent for the same child
 * ({@link PenaltyNoticeEntry#beyondLimit}): the print queue pages its letters apart from those
 * held back.
 */
public record RegisterQuery(
    String caseReference,
    String pupilUpn,
    String parentId,
    String status,
    int page,
    int size,
    Set<String> schoolUrns,
    String search,
    Boolean beyondLimit,
    int limit) {

  /** The API's filters, each null for none, without the page's search box: a case's or a pupil's notices too. */
  public static RegisterQuery ofFilters(
      String caseReference, String pupilUpn, String parentId, String status, int page, int size, Set<String> schoolUrns) {
    return new RegisterQuery(caseReference, pupilUpn, parentId, status, page, size, schoolUrns, null, null, 0);
  }

  /** The register page's filters: a state and the search box's words (either null for none). */
  public static RegisterQuery ofPage(String status, String search, int page, int size) {
    return new RegisterQuery(null, null, null, status, page, size, null, search, null, 0);
  }

  /**
   * The print queue: the prepared notices within the limit of {@code limit} (the letters to post),
   * or, {@code beyondLimit}, those beyond it (held back, not to be printed).
   */
  public static RegisterQuery ofPrintQueue(boolean beyondLimit, int limit, int page, int size) {
    return new RegisterQuery(null, null, null, PenaltyNoticeEntry.PREPARED, page, size, null, null, beyondLimit, limit);
  }

  String where(List<Object> args) {
    StringBuilder where = new StringBuilder();
    add(where, args, "case_reference", caseReference);
    add(where, args, "pupil_upn", pupilUpn);
    add(where, args, "parent_id", parentId);
    add(where, args, "status", status);
    if (search != null) {
      where.append(where.isEmpty() ? " WHERE " : " AND ");
      where.append("(notice_number IN (?, ?) OR case_reference IN (?, ?) OR pupil_upn IN (?, ?) OR parent_id IN (?, ?)"
          + " OR person_id IN (?, ?) OR LOWER(parent_name) LIKE ? ESCAPE '!' OR LOWER(pupil_name) LIKE ? ESCAPE '!')");
      String capitals = shorthand(search.toUpperCase(Locale.UK));
      for (int i = 0; i < 5; i++) {
        args.add(search);
        args.add(capitals);
      }
      // a name as a parent gives it on the phone ("Sam Hall"): part of the parent's or the child's name, any case
      String name = "%" + search.toLowerCase(Locale.UK).replaceAll("\\s+", " ")
          .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
      args.add(name);
      args.add(name);
    }
    if (beyondLimit != null) {
      // PenaltyNoticeEntry.beyondLimit in SQL, kept beside it: a standing notice whose place is past the limit
      where.append(where.isEmpty() ? " WHERE " : " AND ");
      where.append(beyondLimit ? PenaltyNoticeEntry.BEYOND_LIMIT_SQL : PenaltyNoticeEntry.WITHIN_LIMIT_SQL);
      args.add(PenaltyNoticeEntry.WITHDRAWN);
      args.add(limit);
    }
    if (schoolUrns != null) {
      where.append(where.isEmpty() ? " WHERE " : " AND ");
      if (schoolUrns.isEmpty()) {
        where.append("1 = 0");
      } else {
        where.append("school_urn IN (").append(SqlLists.placeholders(schoolUrns.size())).append(")");
        args.addAll(schoolUrns);
      }
    }
    return where.toString();
  }

  private static final java.util.regex.Pattern SHORTHAND = java.util.regex.Pattern.compile("(PN|AC)-(\\d{4})-0*(\\d{1,6})");

  /**
   * A notice number or case reference written short, as the Find-a-pupil page takes it
   * ("PN-2026-2" for PN-2026-000002); anything else as it is.
   */
  static String shorthand(String capitals) {
    java.util.regex.Matcher matcher = SHORTHAND.matcher(capitals);
    return matcher.matches()
        ? matcher.group(1) + "-" + matcher.group(2) + "-" + String.format(Locale.UK, "%06d", Integer.parseInt(matcher.group(3)))
        : capitals;
  }

  private static void add(StringBuilder where, List<Object> args, String column, String value) {
    if (value == null) {
      return;
    }
    where.append(where.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
    args.add(value);
  }
}
