package uk.schoolattendance.notices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The law and the local code of conduct for penalty notices, {@code attendance.penalty-notices}
 * (domain notes §5). The defaults are the national rules from 19 August 2024; a council changes
 * them in configuration, not in code.
 *
 * @param rates the amounts for offences from {@code rateChangeDate}
 * @param oldRates the amounts for offences that began before {@code rateChangeDate}
 * @param rateChangeDate the day the current rates apply from (2024-08-19)
 * @param reducedPeriodDays the reduced amount is due within the period of this many days beginning
 *     with the day the notice is received (21: the day of receipt is day 1; SI 2007/1867 reg 4 as
 *     amended by SI 2024/210)
 * @param fullPeriodDays the full amount is due within the period of this many days beginning with
 *     the day of receipt (28; reg 5 as amended)
 * @param deemedReceiptWorkingDays a posted notice counts as received this many working days after
 *     posting (2; EA 1996 s572 and the code of conduct); one handed over is received that day
 * @param limit notices to one parent for one child in the limit period (2)
 * @param limitYears the rolling period, in years, counted back from the proposed notice (3)
 * @param localYearlyCapPerChild local code: notices per child in the year before (null = none)
 * @param informationLimitMonths months after the offence to lay an information (6, MCA 1980 s127)
 * @param decisionDays days the compliance team has to decide on non-payment (14)
 * @param decisionMarginDays the decision falls due at least this many days before the limit (14)
 * @param maxPageSize the largest page the register API returns (100)
 * @param authority the issuing authority as the letter shows it
 * @param holidayEvidenceRequired the term-time leave evidence the local code demands before a notice,
 *     from {@link #HOLIDAY_EVIDENCE}. National default: the certificate of the attendance register
 *     only, so a holiday taken without asking (recorded as G, no request) can reach a notice; a
 *     request that was made must come with the school's written refusal in any case
 */
@ConfigurationProperties(prefix = "attendance.penalty-notices")
public record PenaltyNoticeProperties(
    Rates rates,
    Rates oldRates,
    LocalDate rateChangeDate,
    Integer reducedPeriodDays,
    Integer fullPeriodDays,
    Integer deemedReceiptWorkingDays,
    Integer limit,
    Integer limitYears,
    Integer localYearlyCapPerChild,
    Integer informationLimitMonths,
    Integer decisionDays,
    Integer decisionMarginDays,
    Integer maxPageSize,
    Authority authority,
    List<String> holidayEvidenceRequired) {

  /** The pieces of term-time leave evidence a code of conduct may demand. */
  public static final List<String> HOLIDAY_EVIDENCE =
      List.of("leave-application", "written-refusal", "written-warning", "registration-certificate");

  public PenaltyNoticeProperties {
    rates = rates == null ? Rates.CURRENT : rates;
    oldRates = oldRates == null ? Rates.BEFORE_2024 : oldRates;
    rateChangeDate = rateChangeDate == null ? LocalDate.of(2024, 8, 19) : rateChangeDate;
    reducedPeriodDays = reducedPeriodDays == null ? 21 : reducedPeriodDays;
    fullPeriodDays = fullPeriodDays == null ? 28 : fullPeriodDays;
    deemedReceiptWorkingDays = deemedReceiptWorkingDays == null ? 2 : deemedReceiptWorkingDays;
    limit = limit == null ? 2 : limit;
    limitYears = limitYears == null ? 3 : limitYears;
    informationLimitMonths = informationLimitMonths == null ? 6 : informationLimitMonths;
    decisionDays = decisionDays == null ? 14 : decisionDays;
    decisionMarginDays = decisionMarginDays == null ? 14 : decisionMarginDays;
    maxPageSize = maxPageSize == null ? 100 : maxPageSize;
    authority = authority == null ? Authority.DEFAULT : authority;
    holidayEvidenceRequired =
        holidayEvidenceRequired == null ? List.of("registration-certificate") : List.copyOf(holidayEvidenceRequired);
    if (!HOLIDAY_EVIDENCE.containsAll(holidayEvidenceRequired)) {
      throw new IllegalStateException(
          "attendance.penalty-notices.holiday-evidence-required: each one of " + String.join(", ", HOLIDAY_EVIDENCE));
    }
    if (reducedPeriodDays < 1 || reducedPeriodDays > fullPeriodDays) {
      throw new IllegalStateException(
          "attendance.penalty-notices: reduced-period-days must be at least 1 and not exceed full-period-days");
    }
    if (limit < 1 || limitYears < 1) {
      throw new IllegalStateException("attendance.penalty-notices: limit and limit-years must be at least 1");
    }
  }

  /** The national defaults. */
  public static PenaltyNoticeProperties defaults() {
    return new PenaltyNoticeProperties(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A copy with a local yearly cap per child (for tests and local codes). */
  public PenaltyNoticeProperties withLocalYearlyCapPerChild(Integer cap) {
    return new PenaltyNoticeProperties(
        rates, oldRates, rateChangeDate, reducedPeriodDays, fullPeriodDays, deemedReceiptWorkingDays,
        limit, limitYears, cap, informationLimitMonths, decisionDays, decisionMarginDays, maxPageSize,
        authority, holidayEvidenceRequired);
  }

  /** A copy demanding this term-time leave evidence (for tests and local codes). */
  public PenaltyNoticeProperties withHolidayEvidenceRequired(List<String> required) {
    return new PenaltyNoticeProperties(
        rates, oldRates, rateChangeDate, reducedPeriodDays, fullPeriodDays, deemedReceiptWorkingDays,
        limit, limitYears, localYearlyCapPerChild, informationLimitMonths, decisionDays, decisionMarginDays, maxPageSize,
        authority, required);
  }

  /** A copy issued by this authority (for tests and local codes). */
  public PenaltyNoticeProperties withAuthority(Authority council) {
    return new PenaltyNoticeProperties(
        rates, oldRates, rateChangeDate, reducedPeriodDays, fullPeriodDays, deemedReceiptWorkingDays,
        limit, limitYears, localYearlyCapPerChild, informationLimitMonths, decisionDays, decisionMarginDays, maxPageSize,
        council, holidayEvidenceRequired);
  }

  /**
   * Amounts in pounds. A notice's reduced amount is null when no reduction applies.
   *
   * @param firstReduced first notice, paid within the reduced period
   * @param firstFull first notice, paid within the full period
   * @param secondReduced second notice within the limit period, reduced (null: no reduction)
   * @param secondFull second notice, full period
   */
  public record Rates(
      BigDecimal firstReduced, BigDecimal firstFull, BigDecimal secondReduced, BigDecimal secondFull) {

    /** Education (Penalty Notices) (England) Regulations 2007 as amended in 2024. */
    public static final Rates CURRENT =
        new Rates(new BigDecimal("80.00"), new BigDecimal("160.00"), null, new BigDecimal("160.00"));

    /** The rates before 19 August 2024 (£60 within 21 days, £120 within 28 days). */
    public static final Rates BEFORE_2024 =
        new Rates(new BigDecimal("60.00"), new BigDecimal("120.00"), new BigDecimal("60.00"), new BigDecimal("120.00"));
  }

  /**
   * The issuing authority as the letter names it, and how to pay. The notice must state the name
   * and address of the authority the penalty is paid to and the method or methods of payment (SI
   * 2007/1867 reg 3(f), (g)): they are the council's own, so there is no national default for any
   * of them. The letter prints only the ways to pay that are configured: online and by telephone
   * where the web address and number are set, a cheque by post only where the council says it takes
   * cheques and has a postal address for them. Until the name, a full address and at least one way
   * to pay are set, no notice is prepared, printed or issued ({@link #requireReadyToIssue()}), and
   * {@link PaymentDetailsCheck} names the missing properties at start-up.
   *
   * @param name the local authority; the default "The Local Authority" is a placeholder
   * @param address its full postal address, with town and postcode; the default is a placeholder
   * @param paymentInstructions further local words on paying, printed after the ways to pay; none by default
   * @param contact the team to contact about the notice (named once with the address)
   * @param officerParticulars the issuing officer's official particulars, printed after their name
   *     (SI 2007/1867 reg 3(c))
   * @param paymentWebAddress where to pay online, e.g. https://www.example.gov.uk/pay; none by default
   * @param paymentTelephone the number to pay by telephone; none by default
   * @param paymentByCheque whether the council takes cheques by post; false by default
   * @param paymentChequeAddress where cheques are sent, when not the {@code address}; none by default
   * @param telephone the team's telephone number, printed in the sender block of every letter
   *     ({@link Letterhead}); none by default
   */
  public record Authority(
      String name,
      String address,
      String paymentInstructions,
      String contact,
      String officerParticulars,
      String paymentWebAddress,
      String paymentTelephone,
      Boolean paymentByCheque,
      String paymentChequeAddress,
      String telephone) {

    /** The property prefix of the authority, as a start-up warning names it. */
    public static final String PROPERTIES = "attendance.penalty-notices.authority.";

    /** The national default's placeholder name: it names no council. */
    static final String PLACEHOLDER_NAME = "The Local Authority";

    /** The national default's placeholder address: no town, no postcode. */
    static final String PLACEHOLDER_ADDRESS = "Civic Centre, High Street";

    public static final Authority DEFAULT =
        new Authority(
            PLACEHOLDER_NAME,
            PLACEHOLDER_ADDRESS,
            null,
            "Attendance Compliance Team",
            "an officer of the local authority authorised to issue penalty notices under section 444A of the"
                + " Education Act 1996",
            null,
            null,
            false,
            null,
            null);

    @ConstructorBinding
    public Authority {
      name = name == null || name.isBlank() ? PLACEHOLDER_NAME : name.strip();
      address = address == null || address.isBlank() ? PLACEHOLDER_ADDRESS : address.strip();
      paymentInstructions = blankAsNull(paymentInstructions);
      contact = contact == null ? DEFAULT.contact : contact;
      officerParticulars = officerParticulars == null ? DEFAULT.officerParticulars : officerParticulars;
      paymentWebAddress = blankAsNull(paymentWebAddress);
      paymentTelephone = blankAsNull(paymentTelephone);
      paymentByCheque = Boolean.TRUE.equals(paymentByCheque);
      paymentChequeAddress = blankAsNull(paymentChequeAddress);
      telephone = blankAsNull(telephone);
    }

    /**
     * Where the letter tells a parent to send a cheque: the {@code payment-cheque-address}, else the
     * council's full address; empty when the council takes no cheques or has no postal address for
     * them (the placeholder is none), so the letter offers no cheque.
     */
    public java.util.Optional<String> chequeAddress() {
      if (!paymentByCheque) {
        return java.util.Optional.empty();
      }
      if (paymentChequeAddress != null) {
        return java.util.Optional.of(paymentChequeAddress);
      }
      return PLACEHOLDER_ADDRESS.equals(address) ? java.util.Optional.empty() : java.util.Optional.of(address);
    }

    /**
     * What the council must still set before any of its letters may name it as the sender (the
     * penalty notice, the Notice to Improve: {@link Letterhead#requireSender}): one entry per
     * property still the national placeholder, {@code name} and {@code address}; empty when both
     * are the council's own.
     */
    public List<String> missingSender() {
      List<String> missing = new java.util.ArrayList<>();
      if (PLACEHOLDER_NAME.equals(name)) {
        missing.add(PROPERTIES + "name is still the placeholder \"" + PLACEHOLDER_NAME + "\"");
      }
      if (PLACEHOLDER_ADDRESS.equals(address)) {
        missing.add(PROPERTIES + "address is still the placeholder \"" + PLACEHOLDER_ADDRESS + "\"");
      }
      return missing;
    }

    /**
     * What the council must still set before a notice may be prepared, printed or issued, one entry
     * per missing property (a way to pay names the three that give one); empty when complete. The
     * sender's part is {@link #missingSender()}, the same check the Notice to Improve makes.
     * SI 2007/1867 reg 3(f), (g): the notice states the authority's name and address and how to pay.
     */
    public List<String> missingToIssue() {
      List<String> missing = new java.util.ArrayList<>(missingSender());
      if (paymentWebAddress == null && paymentTelephone == null && chequeAddress().isEmpty()) {
        missing.add("no way to pay is set: set " + PROPERTIES + "payment-web-address, " + PROPERTIES
            + "payment-telephone or " + PROPERTIES + "payment-by-cheque");
      }
      return missing;
    }

    /**
     * Refuses, naming each missing property, while {@link #missingToIssue()} is not empty: a letter
     * must never tell a parent to pay a placeholder, or give no way to pay at all.
     */
    public void requireReadyToIssue() {
      List<String> missing = missingToIssue();
      if (!missing.isEmpty()) {
        throw new PaymentDetailsMissing(missing);
      }
    }

    /** The properties a council must set before its letters say fully how to pay; empty when none is missing. */
    public List<String> missingPaymentDetails() {
      List<String> missing = new java.util.ArrayList<>();
      if (paymentWebAddress == null) {
        missing.add(PROPERTIES + "payment-web-address");
      }
      if (paymentTelephone == null) {
        missing.add(PROPERTIES + "payment-telephone");
      }
      if (PLACEHOLDER_ADDRESS.equals(address)) {
        missing.add(PROPERTIES + "address");
      }
      return missing;
    }

    private static String blankAsNull(String text) {
      return text == null || text.isBlank() ? null : text.strip();
    }
  }
}
