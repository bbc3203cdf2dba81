package uk.schoolattendance.casefile;

import java.util.ArrayList;
import java.util.List;

/**
 * The service navigation of the case file: the pages this viewer works with, Tasklist and
 * Cockpit when they may open them. Which pages appear follows the viewer's role; what each page
 * then shows is the engine's decision.
 */
public final class Navigation {

  public static final String FIND = "/casework/";
  public static final String SCHOOL = "/casework/school";
  public static final String CASELOAD = "/casework/caseload";
  public static final String REGISTER = "/casework/register";
  public static final String FIGURES = "/casework/figures";
  public static final String IMPORTS = "/casework/imports";
  public static final String CASELOADS = "/casework/caseloads";
  public static final String MODELS = "/casework/models";
  public static final String TASKLIST = "/camunda/app/tasklist/";
  public static final String COCKPIT = "/camunda/app/cockpit/";

  /** One link of the navigation; {@code current} marks the page the viewer is on. */
  public record Item(String label, String href, boolean current) {}

  private Navigation() {}

  public static List<Item> of(Viewer viewer, String path) {
    List<Item> items = new ArrayList<>();
    if (viewer.findsPupils()) {
      items.add(item("Find a pupil", FIND, path.equals(FIND) || path.equals("/casework") || path.startsWith("/casework/cases")));
    }
    if (viewer.changesModels()) {
      items.add(item("Processes, decisions and forms", MODELS, path.startsWith(MODELS)));
    }
    if (viewer.hasCaseload()) {
      items.add(item("My caseload", CASELOAD, path.equals(CASELOAD)));
    }
    if (viewer.seesCaseloads()) {
      items.add(item("Caseloads", CASELOADS, path.startsWith(CASELOADS)));
    }
    if (!viewer.schoolUrns().isEmpty()) {
      items.add(item("My school's cases", SCHOOL, path.startsWith(SCHOOL)));
    }
    if (viewer.keepsRegister()) {
      items.add(item("Penalty notices", REGISTER, path.startsWith(REGISTER)));
    }
    if (viewer.importsMarks()) {
      items.add(item("Register imports", IMPORTS, path.startsWith(IMPORTS)));
    }
    if (viewer.readsFigures()) {
      items.add(item("Figures", FIGURES, path.startsWith(FIGURES)));
    }
    if (viewer.mayOpen("tasklist")) {
      items.add(item("Tasklist", TASKLIST, false));
    }
    if (viewer.mayOpen("cockpit")) {
      items.add(item("Cockpit", COCKPIT, false));
    }
    return List.copyOf(items);
  }

  private static Item item(String label, String href, boolean current) {
    return new Item(label, href, current);
  }
}
