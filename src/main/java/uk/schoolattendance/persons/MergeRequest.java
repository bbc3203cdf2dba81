package uk.schoolattendance.persons;

import uk.schoolattendance.process.Inputs;
import uk.schoolattendance.process.InvalidInputException;
import uk.schoolattendance.web.Checked;
import uk.schoolattendance.web.CheckedBody;

/**
 * An officer's merge of two person records that are one person ({@code POST
 * /api/persons/{id}/merge}): the other person's id, merged into the one of the path, and why.
 */
@Checked
public record MergeRequest(String otherPersonId, String reason) implements CheckedBody {

  public static final String OTHER_PERSON_ID = "otherPersonId";
  public static final int REASON_MAX = 500;

  @Override
  public void check() {
    String other = Inputs.requiredText(OTHER_PERSON_ID, otherPersonId, 16);
    if (!Persons.looksLikePersonId(other)) {
      throw new InvalidInputException(OTHER_PERSON_ID, "must be a person id such as P-000123");
    }
    Inputs.requiredText("reason", reason, REASON_MAX);
  }
}
