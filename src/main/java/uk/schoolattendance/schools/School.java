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

  /** The Camunda group whose members work for this school. */
  public String groupId() {
    return groupIdFor(urn);
  }

  public static String groupIdFor(String urn) {
    return "school-" + urn;
  }

  /** The service a school has from the LA. */
  public enum ServiceLevel {
    TRADED,
    UNIVERSAL
  }
}
