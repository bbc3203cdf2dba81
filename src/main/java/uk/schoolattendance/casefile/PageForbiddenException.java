package uk.schoolattendance.casefile;

/**
 * A page of a service the viewer's role does not include (the register's imports for anyone who
 * may import for no school): answered 403 with "You cannot open this page" (templates/error/403),
 * or, for a form sent to it, "You cannot do this" with nothing changed.
 */
public class PageForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PageForbiddenException(String what) {
    super(what);
  }
}
