package uk.schoolattendance.schools;

/**
 * A school the authority serves, identified by its 6-digit URN (Get Information about Schools).
 *
 * @param urn the school's Unique Reference Number
 * @param name the school's name as letters show it
 * @param serviceLevel {@code traded} when the school buys the LA's preventative service (its
 *     named officer then does the Level 1–3 work), {@code universal} otherwise
 * @param namedOfficer the user id of the school's named attendance officer
 */
public record School(String urn, String name, ServiceLevel serviceLevel, String namedOfficer) {

  /** Whether the school buys the LA's traded service. */
  public boolean buysTradedService() {
    return serviceLevel == ServiceLevel.TRADED;
  }

  /** Every school's staff are in the Camunda group {@code school-{urn}}: the one place that spells it. */
  private static final String GROUP_PREFIX = "school-";

  /** The group of this school's staff. */
  public String group() {
    return groupOf(urn);
  }

  /** The group of a school's staff, {@code school-{urn}}. */
  public static String groupOf(String urn) {
    return GROUP_PREFIX + urn;
  }

  /** The URN of a school's group ({@code school-100001} gives 100001); empty for any other group. */
  public static java.util.Optional<String> urnOfGroup(String groupId) {
    return groupId != null && groupId.startsWith(GROUP_PREFIX)
        ? java.util.Optional.of(groupId.substring(GROUP_PREFIX.length()))
        : java.util.Optional.empty();
  }

  /** The service a school has from the LA. */
  public enum ServiceLevel {
    TRADED,
    UNIVERSAL
  }
}
