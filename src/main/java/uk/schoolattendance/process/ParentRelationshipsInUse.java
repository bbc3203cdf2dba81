package uk.schoolattendance.process;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the configured relationships ({@link ParentRelationships}) into use when the application
 * starts: {@link ParentStanding}, which every reader of parents shares (the start, "Add a parent",
 * a correction, the API, the start form's options), reads them from there. A context without the
 * configuration properties (a test's engine fixture of scanned packages) keeps the national list.
 */
@Component
class ParentRelationshipsInUse {

  ParentRelationshipsInUse(ObjectProvider<ParentRelationships> configured) {
    ParentStanding.use(configured.getIfAvailable(ParentRelationships::national));
  }
}
