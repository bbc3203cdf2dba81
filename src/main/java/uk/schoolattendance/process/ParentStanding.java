package uk.schoolattendance.process;

import java.util.ArrayList;
import java.util.List;

/**
 * What makes someone a parent of the case's child in law (Education Act 1996 s576: anyone with
 * parental responsibility or who has care of the child): their relationship to the child and
 * whether they have parental responsibility and/or day-to-day care. Each is optional: a case
 * opened before they were recorded, or a caller that does not send them, reads "Not recorded".
 * A value that is given must be one of the allowed ones ({@link ParentRelationships}, configured).
 *
 * @param relationship one of the relationships in use when it was given, or null when not recorded
 * @param parentalResponsibility whether they have parental responsibility; null when not recorded
 * @param dayToDayCare whether they have day-to-day care of the child; null when not recorded
 */
public record ParentStanding(String relationship, Boolean parentalResponsibility, Boolean dayToDayCare) {

  /** Nothing recorded (a parent of a case opened before these were asked). */
  public static final ParentStanding NOT_RECORDED = new ParentStanding(null, null, null);

  public static final String RELATIONSHIP = "relationship";
  public static final String PARENTAL_RESPONSIBILITY = "parentalResponsibility";
  public static final String DAY_TO_DAY_CARE = "dayToDayCare";

  /**
   * Checks the given values under {@code at.relationship} (one of {@code allowed}, the list in use),
   * {@code at.parentalResponsibility} and {@code at.dayToDayCare}; absent or blank values are "not recorded".
   */
  public static ParentStanding of(
      String at, Object relationship, Object parentalResponsibility, Object dayToDayCare, ParentRelationships allowed) {
    return new ParentStanding(
        allowed.checked(prefix(at) + RELATIONSHIP, relationship),
        Inputs.yesNo(prefix(at) + PARENTAL_RESPONSIBILITY, parentalResponsibility),
        Inputs.yesNo(prefix(at) + DAY_TO_DAY_CARE, dayToDayCare));
  }

  /**
   * A relationship as stored on a case: any well-formed one (lower-case words, as {@link
   * ParentRelationships} allows), one a council has since removed from its list included, so a
   * case that recorded it still reads; refused under {@code field} only when malformed. New input
   * is checked against the list in use ({@link ParentRelationships#checked}).
   */
  public static String storedRelationship(String field, Object raw) {
    Object given = raw instanceof String text ? text.trim().toLowerCase(java.util.Locale.ROOT) : raw;
    String value = Inputs.text(field, given, ParentRelationships.MAX_LENGTH);
    if (value != null && !ParentRelationships.wellFormed(value)) {
      throw new InvalidInputException(field, "'" + value + "' is not a relationship: lower-case words, e.g. step-parent");
    }
    return value;
  }

  /** As {@link #of}, for parents already stored on a case: the relationship read by {@link #storedRelationship}. */
  public static ParentStanding stored(String at, Object relationship, Object parentalResponsibility, Object dayToDayCare) {
    return new ParentStanding(
        storedRelationship(prefix(at) + RELATIONSHIP, relationship),
        Inputs.yesNo(prefix(at) + PARENTAL_RESPONSIBILITY, parentalResponsibility),
        Inputs.yesNo(prefix(at) + DAY_TO_DAY_CARE, dayToDayCare));
  }

  /** A recorded relationship in words, one a council has since removed from its list included. */
  private static String wordsOf(String relationship) {
    return ParentRelationships.words(relationship);
  }

  private static String prefix(String at) {
    return at == null || at.isEmpty() ? "" : at + ".";
  }

  /** True when nothing about it was recorded. */
  public boolean notRecorded() {
    return relationship == null && parentalResponsibility == null && dayToDayCare == null;
  }

  /** "Mother", "Not recorded". */
  public String relationshipWords() {
    return relationship == null ? "Not recorded" : wordsOf(relationship);
  }

  /**
   * As a page or form shows it: "Mother; parental responsibility; day-to-day care",
   * "Step-parent; no parental responsibility; day-to-day care", "Not recorded".
   */
  public String words() {
    if (notRecorded()) {
      return "Not recorded";
    }
    return (relationship == null ? "relationship not recorded" : wordsOf(relationship)) + "; " + responsibility();
  }

  /**
   * Parental responsibility and day-to-day care alone, as the case page's column shows them:
   * "Parental responsibility; no day-to-day care", "Not recorded" when neither was.
   */
  public String responsibilityWords() {
    if (parentalResponsibility == null && dayToDayCare == null) {
      return "Not recorded";
    }
    String words = responsibility();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String responsibility() {
    List<String> parts = new ArrayList<>();
    parts.add(parentalResponsibility == null
        ? "parental responsibility not recorded"
        : parentalResponsibility ? "parental responsibility" : "no parental responsibility");
    parts.add(dayToDayCare == null
        ? "day-to-day care not recorded"
        : dayToDayCare ? "day-to-day care" : "no day-to-day care");
    return String.join("; ", parts);
  }
}
