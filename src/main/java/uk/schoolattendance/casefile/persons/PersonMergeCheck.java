package uk.schoolattendance.casefile.persons;

/**
 * The check page of a merge ({@code POST /casework/persons/{id}/merge} before it is confirmed):
 * the record that stays and the record merged into it, side by side, and what was typed.
 *
 * @param title the page's title
 * @param survivor the record that stays, as its person page shows it
 * @param other the record merged into it
 * @param form the other id and the reason, sent again with the confirmation
 */
public record PersonMergeCheck(String title, PersonPage survivor, PersonPage other, PersonPage.MergeForm form) {}
