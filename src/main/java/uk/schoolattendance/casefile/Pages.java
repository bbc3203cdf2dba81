package uk.schoolattendance.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A list shown a page at a time, as the GOV.UK pagination component shows it (the fragment
 * {@code casefile/fragments :: pagination}): the page asked for, read as the register reads it (a
 * page that is not a whole number, or past the last, is named in the error summary and the nearest
 * page shown), and its links.
 */
public final class Pages {

  /** Previous and next, and the page numbers (null numbers are the ellipses). */
  public record Pagination(String previous, String next, List<PageLink> pages) {}

  /** One item of the pagination: a page number and its link, whether it is the page shown; or an ellipsis (number null). */
  public record PageLink(Integer number, String href, boolean current) {

    /** The item's classes (written here: a template attribute cannot hold the component's double underscores). */
    public String classes() {
      return "govuk-pagination__item" + (number == null ? " govuk-pagination__item--ellipses"
          : current ? " govuk-pagination__item--current" : "");
    }
  }

  private Pages() {}

  /** How many pages {@code total} items fill, {@code size} a page: 1 at least. */
  public static int count(long total, int size) {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /**
   * The page asked for, from 1 (1 without one). One that is not a whole number, or past the last
   * page, is named under {@code field} in {@code errors}; the nearest page is shown (page 1 for one
   * that is not a number). {@code what}: what the pages hold ("pupils").
   */
  public static int shown(String page, int pages, String what, String field, List<FieldError> errors) {
    if (page == null || page.isBlank()) {
      return 1;
    }
    int asked;
    try {
      asked = Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "Page " + quoted(page) + " does not exist: pages are numbered from 1 to "
          + number(pages) + " (page 1 is shown below)"));
      return 1;
    }
    if (asked < 1 || asked > pages) {
      int nearest = asked < 1 ? 1 : pages;
      errors.add(new FieldError(field, "Page " + quoted(page) + " does not exist: "
          + (pages == 1 ? "these " + what + " fit on page 1" : "these " + what + " fill pages 1 to " + number(pages))
          + " (page " + number(nearest) + " is shown below)"));
      return nearest;
    }
    return asked;
  }

  /**
   * The pagination: previous and next, the first and last page, and the pages either side of the
   * one shown, with an ellipsis for each gap (the GOV.UK pagination component's pattern).
   */
  public static Pagination of(int page, int pages, IntFunction<String> href) {
    List<PageLink> links = new ArrayList<>();
    Integer last = null;
    for (int each = 1; each <= pages; each++) {
      if (each == 1 || each == pages || Math.abs(each - page) <= 1) {
        if (last != null && each - last > 1) {
          links.add(new PageLink(null, null, false));
        }
        links.add(new PageLink(each, href.apply(each), each == page));
        last = each;
      }
    }
    return new Pagination(page > 1 ? href.apply(page - 1) : null, page < pages ? href.apply(page + 1) : null, links);
  }

  /** "Showing 51 to 100 of 134 pupils"; null when the page is empty. */
  public static String showing(int page, int size, int onPage, long total, String one, String many) {
    if (onPage == 0) {
      return null;
    }
    long first = (long) (page - 1) * size + 1;
    return "Showing " + number(first) + " to " + number(first + onPage - 1) + " of " + number(total) + " "
        + (total == 1 ? one : many);
  }

  /** A whole number as a page shows it: 1,234. */
  public static String number(long value) {
    return String.format(Locale.UK, "%,d", value);
  }

  private static String quoted(String value) {
    String stripped = value.strip();
    return "‘" + (stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped) + "’";
  }
}
