package uk.schoolattendance.casefile.persons;

import java.util.List;
import uk.schoolattendance.casefile.FieldError;

/**
 * The person page ({@code /casework/persons/{id}}) as shown.
 *
 * @param title the page's title ("Error: " first when the form was refused)
 * @param personId the surviving person's id
 * @param name as first recorded
 * @param address as first recorded
 * @param dateOfBirth "28 May 2027", or "Not recorded"
 * @param mergedIds the ids merged into this person
 * @param merges each merge: which id, by whom, when and why
 * @param cases the cases naming the person that the viewer may read
 * @param notices the penalty notices to the person that the viewer may read
 * @param mayMerge whether the merge form is shown
 * @param form what was typed in the merge form
 * @param errors the refused fields of the merge form
 * @param done the success banner's words, or null
 */
public record PersonPage(
    String title, String personId, String name, String address, String dateOfBirth, List<String> mergedIds,
    List<MergeView> merges, List<CaseLink> cases, List<NoticeRow> notices, boolean mayMerge, MergeForm form,
    List<FieldError> errors, String done) {

  /** Where a person's page is. */
  public static final String PATH = "/casework/persons";

  /** The page of the person with this id. */
  public static String href(String personId) {
    return PATH + "/" + personId;
  }

  public record MergeView(String mergedId, String by, String when, String reason) {}

  public record CaseLink(String caseReference, String pupilName, String href) {}

  public record NoticeRow(String number, String child, String issuedOn, String state, String href) {}

  public record MergeForm(String otherPersonId, String reason) {}
}
