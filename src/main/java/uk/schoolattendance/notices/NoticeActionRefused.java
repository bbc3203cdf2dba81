package uk.schoolattendance.notices;

/**
 * A change to a notice that its state or its holder does not allow: the API answers 409 (or 403
 * for {@link Why#NOT_YOURS}), the register page says why. Nothing was changed.
 */
public class NoticeActionRefused extends RuntimeException {

  /** Why the change was refused. */
  public enum Why {
    /** The notice is not in a state that takes this change (not prepared, not awaiting payment, no longer standing). */
    NOT_WAITING,
    /** The notice waits for someone else's step: the engine does not give this user its task. */
    NOT_YOURS,
    /** Another officer has claimed the notice's task. */
    CLAIMED_BY_ANOTHER,
    /** The notice is beyond the limit of notices to the same parent for the same child: it cannot be issued. */
    LIMIT_REACHED
  }

  private final Why why;
  private final String title;

  public NoticeActionRefused(Why why, String title, String detail) {
    super(detail);
    this.why = why;
    this.title = title;
  }

  public Why why() {
    return why;
  }

  public String title() {
    return title;
  }
}
