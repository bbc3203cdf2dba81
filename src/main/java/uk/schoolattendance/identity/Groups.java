package uk.schoolattendance.identity;

import java.util.List;

/** The groups of the public contract (see {@code shared/domain/contract.md}). */
public final class Groups {

  public static final String ATTENDANCE_OFFICERS = "attendance-officers";
  public static final String SENIOR_PRACTITIONERS = "senior-practitioners";
  public static final String COMPLIANCE_TEAM = "compliance-team";
  public static final String MANAGERS = "managers";
  public static final String ANALYSTS = "analysts";
  public static final String SCHOOLS = "schools";
  /** Imports register marks for every school (the register of attendance marks, docs/register.md). */
  public static final String DATA_TEAM = "data-team";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * The local authority's caseworkers: each reads and works cases through grants on every process
   * definition (READ_TASK and READ_HISTORY among them), so a grant on one of their tasks only has
   * to add what those do not give (TASK_WORK). One list for the grants and for who needs no
   * per-task READ.
   */
  public static final List<String> CASEWORKERS = List.of(ATTENDANCE_OFFICERS, SENIOR_PRACTITIONERS, COMPLIANCE_TEAM);

  /** The role groups and their names as the Admin webapp shows them. */
  public static final List<String[]> ROLES =
      List.of(
          new String[] {ATTENDANCE_OFFICERS, "Attendance officers"},
          new String[] {SENIOR_PRACTITIONERS, "Senior practitioners"},
          new String[] {COMPLIANCE_TEAM, "Penalty notice and compliance team"},
          new String[] {MANAGERS, "Managers"},
          new String[] {ANALYSTS, "Process analysts"},
          new String[] {SCHOOLS, "Schools (all school attendance leads)"},
          new String[] {DATA_TEAM, "Data team (imports register marks for every school)"});

  private Groups() {}
}
