package uk.schoolattendance.process;

import org.springframework.stereotype.Component;

/**
 * Puts the configured relationships ({@link ParentRelationships}) into use when the application
 * starts: {@link ParentStanding}, which every reader of parents shares (the start, "Add a parent",
 * a correction, the API, the start form's options), reads them from there.
 */
@Component
class ParentRelationshipsInUse {

  ParentRelationshipsInUse(ParentRelationships configured) {
    ParentStanding.use(configured);
  }
}
