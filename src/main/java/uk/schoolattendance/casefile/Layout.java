package uk.schoolattendance.casefile;

import java.util.List;

/**
 * What every page's frame shows: the authority and the service, the signed-in person and the
 * navigation (templates/casefile/layout.html).
 *
 * @param authority the local authority, as letters name it
 * @param service the service's name
 * @param viewer the signed-in person, null on the sign-in page
 * @param navigation the service navigation, empty on the sign-in page
 */
public record Layout(String authority, String service, Viewer viewer, List<Navigation.Item> navigation) {

  public static final String SERVICE = "School attendance casework";

  public Layout {
    navigation = List.copyOf(navigation);
  }
}
