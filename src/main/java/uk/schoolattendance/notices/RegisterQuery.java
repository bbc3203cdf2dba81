package uk.schoolattendance.notices;

import java.util.List;

/** Filters and paging of a register search; null filters are not applied. */
public record RegisterQuery(
    String caseReference, String pupilUpn, String parentId, String status, int page, int size) {

  String where(List<Object> args) {
    StringBuilder where = new StringBuilder();
    add(where, args, "case_reference", caseReference);
    add(where, args, "pupil_upn", pupilUpn);
    add(where, args, "parent_id", parentId);
    add(where, args, "status", status);
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
