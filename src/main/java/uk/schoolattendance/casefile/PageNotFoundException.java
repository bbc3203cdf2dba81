package uk.schoolattendance.casefile;

/**
 * A page that does not exist for this viewer: a case that is not there, or that the engine's
 * authorizations do not let them see. Answered 404, the same in both cases.
 */
public class PageNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PageNotFoundException(String what) {
    super(what);
  }
}
