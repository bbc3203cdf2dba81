package uk.schoolattendance.court;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Court proceedings (domain notes §6), {@code attendance.court}: the statutory maxima the
 * outcome form checks, the order periods, and how long preparation may take.
 *
 * @param maxFineS444 the largest fine for s444(1) (level 3: £1,000)
 * @param maxFineS444A the largest fine for s444(1A) (level 4: £2,500)
 * @param parentingOrderMaxMonths a parenting order lasts at most 12 months
 * @param parentingProgrammeMaxMonths its parenting programme lasts at most 3 months
 * @param supervisionOrderMonths an education supervision order normally lasts 1 year
 * @param supervisionOrderMaxMonths and may be extended up to 3 years
 * @param preparationWorkingDays working days to prepare the case file
 * @param informationMarginDays preparation falls due at least this many days before the limit
 * @param outcomeWorkingDays working days after the hearing to record the outcome
 * @param supervisionOrderDirectionWeeks a court's direction to consider an education supervision
 *     order (Education Act 1996 s447(1)): the authority tells the court within 8 weeks if it
 *     decides not to apply; the decision task falls due then (calendar days, Europe/London)
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
    Integer supervisionOrderDirectionWeeks) {

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
  }

  public static CourtProperties defaults() {
    return new CourtProperties(null, null, null, null, null, null, null, null, null, null);
  }
}
