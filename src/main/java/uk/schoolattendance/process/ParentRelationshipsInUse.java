package uk.schoolattendance.process;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The relationships in use in this application context ({@link ParentRelationships}, {@code
 * attendance.parents.relationships}): what every way of recording a parent (the start, "Add a
 * parent", a correction, the API, the case page's and the start form's options) offers and accepts.
 * Each context has its own, injected where it is needed: nothing is shared between contexts. A
 * context without the configuration properties (a test's engine fixture of scanned packages)
 * uses the national list.
 */
@Component
public class ParentRelationshipsInUse {

  private final ParentRelationships relationships;

  ParentRelationshipsInUse(ObjectProvider<ParentRelationships> configured) {
    this.relationships = configured.getIfAvailable(ParentRelationships::national);
  }

  /** The relationships in use. */
  public ParentRelationships relationships() {
    return relationships;
  }
}
