package uk.schoolattendance.casefile.find;

import java.util.List;
import uk.schoolattendance.casefile.CaseSummary;
import uk.schoolattendance.casefile.FieldError;

/**
 * The "Find a pupil" page (templates/casefile/find.html).
 *
 * @param q the words searched for, as typed
 * @param born the date of birth fields, as typed
 * @param searched whether a search was made (false on the empty page)
 * @param searchedFor what was searched for, in words ("date of birth 28 May 2016")
 * @param cases the cases found that the viewer may see, siblings under each other
 * @param more there were more cases than the page shows
 * @param errors the refused fields
 * @param closeMatches by case id, a case found by forgiving a typed word a letter: "Lily for Lilly"
 * @param matchedParents by case id, the parents whose address or postcode the search matched
 */
public record FindPage(
    String q, DateFields born, boolean searched, String searchedFor, List<CaseSummary> cases, boolean more,
    List<FieldError> errors, java.util.Map<String, String> closeMatches,
    java.util.Map<String, List<String>> matchedParents) {

  /** A page with no parent matched by address (not an address search, or none made). */
  public FindPage(
      String q, DateFields born, boolean searched, String searchedFor, List<CaseSummary> cases, boolean more,
      List<FieldError> errors, java.util.Map<String, String> closeMatches) {
    this(q, born, searched, searchedFor, cases, more, errors, closeMatches, java.util.Map.of());
  }

  public FindPage {
    matchedParents = java.util.Map.copyOf(matchedParents);
    cases = List.copyOf(cases);
    errors = List.copyOf(errors);
    closeMatches = java.util.Map.copyOf(closeMatches);
  }

  /** "Close match: Lily for Lilly" for a case found by forgiving a letter, else null. */
  public String closeMatch(String caseId) {
    String words = closeMatches.get(caseId);
    return words == null ? null : "Close match: " + words;
  }

  /** The parents whose address the search matched for this case ("Jo Smith (mother), 1 Marine Parade ..."); none when not an address search. */
  public List<String> matchedParents(String caseId) {
    return matchedParents.getOrDefault(caseId, List.of());
  }

  /** What the search found: "No cases found", "1 case found", "3 cases found". */
  public String found() {
    return switch (cases.size()) {
      case 0 -> "No cases found";
      case 1 -> "1 case found";
      default -> cases.size() + " cases found";
    };
  }

  /** The page's title: what a search found and for what ("3 cases found for ‘Patel’ – Find a pupil"), or an error. */
  public String title() {
    if (!errors.isEmpty()) {
      return "Error: Find a pupil";
    }
    return searched ? found() + " for " + searchedFor + " – Find a pupil" : "Find a pupil";
  }

  /** A date input's three fields as typed. */
  public record DateFields(String day, String month, String year) {

    public boolean isBlank() {
      return blank(day) && blank(month) && blank(year);
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }
}
