package uk.schoolattendance.process;

import java.util.List;

/** For tests: puts a council's own relationships into use, as start-up does, and the national list back. */
public final class ConfiguredRelationships {

  private ConfiguredRelationships() {}

  public static void use(List<String> relationships) {
    ParentStanding.use(new ParentRelationships(relationships));
  }

  public static void national() {
    ParentStanding.use(ParentRelationships.national());
  }
}
