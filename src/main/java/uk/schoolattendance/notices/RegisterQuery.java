package uk.schoolattendance.notices;

import java.util.List;
import java.util.Set;
import uk.schoolattendance.process.SqlLists;

/**
 * Filters and paging of a register search; null filters are not applied. {@code schoolUrns}
 * limits the search to those schools' pupils (a school user: see docs/security.md); null means
 * every school.
 */
public record RegisterQuery(
    String caseReference,
    String pupilUpn,
    String parentId,
    String status,
    int page,
    int size,
    Set<String> schoolUrns) {

  public RegisterQuery(String caseReference, String pupilUpn, String parentId, String status, int page, int size) {
    this(caseReference, pupilUpn, parentId, status, page, size, null);
  }

  String where(List<Object> args) {
    StringBuilder where = new StringBuilder();
    add(where, args, "case_reference", caseReference);
    add(where, args, "pupil_upn", pupilUpn);
    add(where, args, "parent_id", parentId);
    add(where, args, "status", status);
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

  private static void add(StringBuilder where, List<Object> args, String column, String value) {
    if (value == null) {
      return;
    }
    where.append(where.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
    args.add(value);
  }
}
