package uk.schoolattendance.casefile.figures;

import java.util.List;
import uk.schoolattendance.casefile.FieldError;

/**
 * The figures page ({@code templates/casefile/figures.html}).
 *
 * @param title the heading
 * @param year the academic year shown ("2026-27")
 * @param years the years the picker offers
 * @param census the Parental Responsibility Measures census for the year; empty for a school
 * @param cases the dashboard's counts of cases, as the viewer may see them
 * @param casesShown false for a viewer who reads no case (the data team): "Not shown" instead of counts of none
 * @param schools one row per school the viewer may see
 * @param errors a refused year
 */
public record FiguresPage(
    String title, String year, List<String> years, List<Tile> census, List<Tile> cases, boolean casesShown,
    List<SchoolRow> schools,
    List<FieldError> errors) {

  /** One figure: what it counts, the number, and the page listing what it counts (null when none). */
  public record Tile(String id, String label, long value, String href) {}

  /**
   * A school's figures: its open cases (as the viewer may see them; null for a viewer who reads no
   * case) and notices issued in the year; {@code href} null where the viewer could find none of its cases.
   */
  public record SchoolRow(String urn, String name, Long openCases, long noticesIssued, String href) {}
}
