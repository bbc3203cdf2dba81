package uk.schoolattendance.notices;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeRegister.Recipient;
import uk.schoolattendance.notices.PenaltyNoticeRegister.Renumbered;
import uk.schoolattendance.process.AsTheApplication;
import uk.schoolattendance.process.Wording;

/**
 * Keeps each standing notice's place among the notices to its parent for its child true once the
 * register changes in the middle of that order: a notice recorded late that was issued before
 * others, or a withdrawal (a withdrawn notice no longer counts). A notice already issued keeps the
 * amounts it was issued with. A notice still prepared takes the terms of its new place ({@code
 * PenaltyNoticeTerms}): a 1st that becomes the 2nd loses its reduced amount (SI 2007/1867 reg 4(2)
 * as inserted by SI 2024/210), and one beyond the limit can no longer be issued ({@link
 * PenaltyNoticeEntry#beyondLimit}). The engine's services are the caller's (a delegate's or the
 * application's), so the bean needs none of its own. The work is the application's, not the
 * signed-in user's: it asks the law's decision and brings the other notices' processes in line,
 * which a compliance officer's own permissions need not cover ({@link #asApplication}).
 */
@Component
public class NoticePlaces {

  private final PenaltyNoticeRegister register;
  private final PenaltyNoticeTermsService terms;
  private final PenaltyNoticeProperties properties;

  public NoticePlaces(PenaltyNoticeRegister register, PenaltyNoticeTermsService terms, PenaltyNoticeProperties properties) {
    this.register = register;
    this.terms = terms;
    this.properties = properties;
  }

  /** After a notice issued on {@code from} to this parent (this person) for this child was recorded. */
  public void renumberFrom(ProcessEngineServices engine, String parentId, String person, String pupilUpn, LocalDate from) {
    asApplication(engine.getIdentityService(), () -> {
      for (Renumbered moved : register.renumberFrom(parentId, person, pupilUpn, from, properties.limitYears())) {
        if (PenaltyNoticeEntry.PREPARED.equals(moved.status())) {
          reprice(engine, moved);
        }
      }
      return null;
    });
  }

  private void reprice(ProcessEngineServices engine, Renumbered moved) {
    NoticeTerms placed = terms.termsOfIssued(engine.getDecisionService(), moved.sequence() - 1, moved.offenceFrom());
    register.reprice(moved.noticeNumber(), placed);
    if (moved.processInstanceId() != null) {
      // the notice's process holds the terms it was prepared with: they follow the register
      Map<String, Object> variables = new HashMap<>();
      PenaltyNotice.SEQUENCE.put(variables, placed.sequence());
      PenaltyNotice.RATE_SCHEME.put(variables, placed.rateScheme());
      PenaltyNotice.REDUCED_AMOUNT.put(variables, placed.reducedAmount());
      PenaltyNotice.FULL_AMOUNT.put(variables, placed.fullAmount());
      engine.getRuntimeService().setVariables(moved.processInstanceId(), variables);
    }
  }

  /**
   * The terms of a notice someone else issued, {@code prior} standing notices before it ({@link
   * PenaltyNoticeTermsService#termsOfIssued}), asked as the application.
   */
  public NoticeTerms termsOfIssued(ProcessEngineServices engine, int prior, LocalDate offenceFrom) {
    return asApplication(engine.getIdentityService(), () -> terms.termsOfIssued(engine.getDecisionService(), prior, offenceFrom));
  }

  /** Runs {@code work} as the application, restoring the signed-in user's authentication afterwards. */
  static <T> T asApplication(IdentityService identity, Supplier<T> work) {
    return AsTheApplication.call(identity, work);
  }

  /**
   * Why a prepared notice beyond the limit is not issued: a notice issued before it was recorded
   * after it was prepared. The API, the print queue and Tasklist give this reason.
   */
  static String beyondLimitRefusal(PenaltyNoticeEntry notice, PenaltyNoticeProperties properties) {
    return "notice " + notice.noticeNumber() + " is now the " + Wording.ordinal(notice.sequence())
        + " penalty notice to this parent for this child in " + properties.limitYears() + " years (notices issued"
        + " before it were recorded after it was prepared): no more than " + properties.limit() + " may be issued, so"
        + " it cannot be issued; withdraw it (outside-code-of-conduct) and consider another route, such as prosecution";
  }

  /** After {@code noticeNumber} was withdrawn: the notices after it move up. */
  public void renumberAfterWithdrawal(ProcessEngineServices engine, String noticeNumber) {
    Recipient recipient = register.recipientOf(noticeNumber);
    renumberFrom(engine, recipient.parentId(), recipient.person(), recipient.pupilUpn(), recipient.dayOfIssue());
  }
}
