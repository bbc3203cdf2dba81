package uk.schoolattendance.casework;

/** Allocates case references {@code AC-<year>-<six digits>}, the business key of a case. */
@FunctionalInterface
public interface CaseReferences {

  String next();
}
