package uk.schoolattendance.court;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Court proceedings (domain notes §6), {@code attendance.court}: the statutory maxima the
 * outcome form checks, the order periods, and how long preparation may take.
 *
 * @param maxFineS444 the largest fine for s444(1) (level 3: £1,000)
 * @param maxFineS444A the largest fine for s444(1A) (level 4: £2,500)
 * @param parentingOrderMaxMonths a parenting order lasts at most 12 months
 * @param parentingProgrammeMaxMonths its parenting programme lasts at most 3 months
 * @param supervisionOrderMonths not used: an education supervision order lasts one year (Children Act
 *     1989 Sch 3 para 15(1)), fixed by law
 * @param supervisionOrderMaxMonths not used: an extension (up to 3 years each, para 15(2)-(5)) is a
 *     separate application
 * @param preparationWorkingDays working days to prepare the case file
 * @param informationMarginDays preparation falls due at least this many days before the limit
 * @param outcomeWorkingDays working days after the hearing to record the outcome
 * @param supervisionOrderDirectionWeeks a court's direction to consider an education supervision
 *     order (Education Act 1996 s447(2)): the authority tells the court within 8 weeks if it
 *     decides not to apply (s447(3)-(4)); the decision task falls due then (calendar days, Europe/London)
 * @param outcomes what "Record court outcome" offers for each type of proceedings, in order: the
 *     outcome's code to its words. A prosecution ends in a sentence, an acquittal, a withdrawal or
 *     the court's direction to consider an education supervision order (s447(2)); an
 *     application to the family court for an education supervision order (Children Act 1989 s36) in
 *     the order made, the application refused or withdrawn: no fine, no discharge. The codes are the
 *     law's, only the words are local: a type given lists every code the law allows for its proceedings, no other ({@link CourtProceedings#PROSECUTION_OUTCOMES},
 *     {@link CourtProceedings#SUPERVISION_OUTCOMES}); a type left out keeps the national words; no
 *     words may contain "; " (it separates a s447 direction from the sentence)
 * @param maxCostsAwarded the largest prosecutor's costs the outcome form accepts (99,999.99; at most
 *     999,999.99, what the court record holds)
 */
@ConfigurationProperties(prefix = "attendance.court")
public record CourtProperties(
    BigDecimal maxFineS444,
    BigDecimal maxFineS444A,
    Integer parentingOrderMaxMonths,
    Integer parentingProgrammeMaxMonths,
    Integer supervisionOrderMonths,
    Integer supervisionOrderMaxMonths,
    Integer preparationWorkingDays,
    Integer informationMarginDays,
    Integer outcomeWorkingDays,
    Integer supervisionOrderDirectionWeeks,
    Map<String, Map<String, String>> outcomes,
    BigDecimal maxCostsAwarded) {

  public CourtProperties {
    maxFineS444 = maxFineS444 == null ? new BigDecimal("1000") : maxFineS444;
    maxFineS444A = maxFineS444A == null ? new BigDecimal("2500") : maxFineS444A;
    parentingOrderMaxMonths = parentingOrderMaxMonths == null ? 12 : parentingOrderMaxMonths;
    parentingProgrammeMaxMonths = parentingProgrammeMaxMonths == null ? 3 : parentingProgrammeMaxMonths;
    supervisionOrderMonths = supervisionOrderMonths == null ? 12 : supervisionOrderMonths;
    supervisionOrderMaxMonths = supervisionOrderMaxMonths == null ? 36 : supervisionOrderMaxMonths;
    preparationWorkingDays = preparationWorkingDays == null ? 10 : preparationWorkingDays;
    informationMarginDays = informationMarginDays == null ? 14 : informationMarginDays;
    outcomeWorkingDays = outcomeWorkingDays == null ? 2 : outcomeWorkingDays;
    supervisionOrderDirectionWeeks = supervisionOrderDirectionWeeks == null ? 8 : supervisionOrderDirectionWeeks;
    outcomes = outcomes(outcomes);
    // court_proceedings.costs_awarded is DECIMAL(8,2): a larger amount could not be stored
    maxCostsAwarded = maxCostsAwarded == null ? new BigDecimal("99999.99") : maxCostsAwarded;
    if (maxCostsAwarded.signum() <= 0 || maxCostsAwarded.compareTo(new BigDecimal("999999.99")) > 0) {
      throw new IllegalStateException("attendance.court.max-costs-awarded: more than 0 and at most 999999.99");
    }
  }

  /** The national words of each outcome, by type of proceedings. */
  static Map<String, Map<String, String>> nationalOutcomes() {
    Map<String, String> prosecution = new LinkedHashMap<>();
    prosecution.put(CourtProceedings.FINE, "Fine");
    prosecution.put(CourtProceedings.CONDITIONAL_DISCHARGE, "Conditional discharge");
    prosecution.put(CourtProceedings.PARENTING_ORDER, "Parenting order");
    // a magistrates' court trying s444 cannot make the order: it may direct the authority to consider applying
    prosecution.put(CourtProceedings.EDUCATION_SUPERVISION_ORDER,
        "Direction to consider an education supervision order (Education Act 1996 s447(2))");
    prosecution.put("dismissed", "Not guilty / dismissed");
    prosecution.put("withdrawn", "Withdrawn");
    Map<String, String> application = new LinkedHashMap<>();
    application.put(CourtProceedings.EDUCATION_SUPERVISION_ORDER, "Education supervision order made (Children Act 1989 s36)");
    application.put("dismissed", "Application refused");
    application.put("withdrawn", "Application withdrawn (with the court's permission)");
    Map<String, Map<String, String>> national = new LinkedHashMap<>();
    national.put(CourtProceedings.PROSECUTION, prosecution);
    national.put(CourtProceedings.EDUCATION_SUPERVISION_ORDER, application);
    return national;
  }

  private static Map<String, Map<String, String>> outcomes(Map<String, Map<String, String>> configured) {
    Map<String, Map<String, String>> outcomes = nationalOutcomes();
    if (configured == null) {
      return outcomes;
    }
    configured.forEach((type, words) -> {
      List<String> allowed =
          CourtProceedings.PROSECUTION.equals(type) ? CourtProceedings.PROSECUTION_OUTCOMES
              : CourtProceedings.EDUCATION_SUPERVISION_ORDER.equals(type) ? CourtProceedings.SUPERVISION_OUTCOMES : null;
      if (allowed == null) {
        throw new IllegalStateException(
            "attendance.court.outcomes." + type + ": no such proceedings, use one of " + CourtProceedings.TYPES);
      }
      if (words == null) {
        throw new IllegalStateException("attendance.court.outcomes." + type + ": give the words of every outcome, " + allowed);
      }
      words.forEach((code, label) -> {
        if (!allowed.contains(code)) {
          throw new IllegalStateException(
              "attendance.court.outcomes." + type + "." + code + ": not an outcome of these proceedings, use one of " + allowed);
        }
        if (label == null || label.isBlank()) {
          throw new IllegalStateException("attendance.court.outcomes." + type + "." + code + ": give the outcome's words");
        }
        if (label.contains("; ")) {
          // the outcome in words is cut at its first "; " to show the sentence apart from a s447 direction
          throw new IllegalStateException("attendance.court.outcomes." + type + "." + code + ": the words must not contain \"; \"");
        }
      });
      if (!words.keySet().containsAll(allowed)) {
        // the codes come from the law, only their words are local: an outcome left out could not be recorded
        throw new IllegalStateException("attendance.court.outcomes." + type + ": give the words of every outcome the law"
            + " allows, missing " + allowed.stream().filter(code -> !words.containsKey(code)).toList());
      }
      outcomes.put(type, new LinkedHashMap<>(words));
    });
    return outcomes;
  }

  /** The outcomes these proceedings can have, code to words, in the order offered. */
  public Map<String, String> outcomesOf(String proceedingsType) {
    return outcomes.getOrDefault(proceedingsType, Map.of());
  }

  public static CourtProperties defaults() {
    return new CourtProperties(null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
