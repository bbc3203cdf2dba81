package uk.schoolattendance.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What makes someone a parent of the case's child in law (Education Act 1996 s576: anyone with
 * parental responsibility or who has care of the child): their relationship to the child and
 * whether they have parental responsibility and/or day-to-day care. Each is optional: a case
 * opened before they were recorded, or a caller that does not send them, reads "Not recorded".
 * A value that is given must be one of the allowed ones ({@link #relationships()}, configured).
 *
 * @param relationship one of {@link #relationships()}' keys, or null when not recorded
 * @param parentalResponsibility whether they have parental responsibility; null when not recorded
 * @param dayToDayCare whether they have day-to-day care of the child; null when not recorded
 */
public record ParentStanding(String relationship, Boolean parentalResponsibility, Boolean dayToDayCare) {

  /** Nothing recorded (a parent of a case opened before these were asked). */
  public static final ParentStanding NOT_RECORDED = new ParentStanding(null, null, null);

  public static final String RELATIONSHIP = "relationship";
  public static final String PARENTAL_RESPONSIBILITY = "parentalResponsibility";
  public static final String DAY_TO_DAY_CARE = "dayToDayCare";

  /** The relationships in use: {@code attendance.parents.relationships} once the application has started, else the national list. */
  private static volatile Map<String, String> relationships = ParentRelationships.national().withWords();

  /** The allowed relationships, value to words, in the order forms offer them ({@code attendance.parents.relationships}). */
  public static Map<String, String> relationships() {
    return relationships;
  }

  /** Puts the configured relationships into use (at start-up, {@link ParentRelationshipsInUse}). */
  static void use(ParentRelationships configured) {
    relationships = configured.withWords();
  }

  /**
   * Checks the given values under {@code at.relationship}, {@code at.parentalResponsibility} and
   * {@code at.dayToDayCare}; absent or blank values are "not recorded".
   */
  public static ParentStanding of(String at, Object relationship, Object parentalResponsibility, Object dayToDayCare) {
    return new ParentStanding(
        relationship(prefix(at) + RELATIONSHIP, relationship),
        Inputs.yesNo(prefix(at) + PARENTAL_RESPONSIBILITY, parentalResponsibility),
        Inputs.yesNo(prefix(at) + DAY_TO_DAY_CARE, dayToDayCare));
  }

  /** One of {@link #relationships()}' keys (any case), refused under {@code field} otherwise; null when absent or blank. */
  public static String relationship(String field, Object raw) {
    Object given = raw instanceof String text ? text.trim().toLowerCase(java.util.Locale.ROOT) : raw;
    return Inputs.oneOf(field, given, relationships.keySet());
  }

  /** A recorded relationship in words, one a council has since removed from its list included. */
  private static String wordsOf(String relationship) {
    return relationships.getOrDefault(relationship, ParentRelationships.words(relationship));
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
