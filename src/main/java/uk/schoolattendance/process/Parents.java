package uk.schoolattendance.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The one reader of a case's liable parents (contract: {@code parents}, a Json array of
 * {@code {id, name, address}} and an optional {@code dateOfBirth}, {@code relationship}
 * (attendance.parents.relationships; national default mother, father, step-parent, carer, other), {@code parentalResponsibility} and
 * {@code dayToDayCare} (true or false), at least one; {@link ParentStanding}). Every process and
 * the project's API read them here: names and addresses trimmed and required (a penalty notice is
 * posted to the address), an id {@code parent-N} given to a parent without one, no id twice. A
 * case replaces the ids with its parents' person ids when it starts (issue #12 item 3).
 */
public final class Parents {

  public static final int MAX_NAME = 200;
  public static final int MAX_ADDRESS = 500;
  public static final int MAX_ID = 64;
  /** The optional date of birth of a parent entry (a calendar day, ISO text). */
  public static final String DATE_OF_BIRTH = "dateOfBirth";

  private Parents() {}

  /**
   * The parents stored on a case, in a Json array (Spin Json, Json text or a Java list); bad ones
   * are refused naming the entry. A relationship is read as recorded, one a council has since
   * removed from {@code attendance.parents.relationships} included: the list is checked for new
   * input only ({@link #given}). A date of birth sent as a date-time is its calendar day in {@code zone},
   * the authority's ({@code attendance.calendar.zone}), whatever the server's own zone.
   */
  public static List<Parent> parse(String field, Object raw, ZoneId zone) {
    return parse(field, raw, List.of(), null, zone);
  }

  /**
   * Parents given as new input (a case's start, the API, a correction of the list): as {@link
   * #parse}, and each relationship must be one of {@code allowed} (the list in use),
   * except one unchanged on a parent of {@code recorded} (the case's parents now, same id): a
   * correction of another parent is not refused for what the council has since removed.
   */
  public static List<Parent> given(
      String field, Object raw, List<Parent> recorded, ParentRelationships allowed, ZoneId zone) {
    return parse(field, raw, recorded, allowed, zone);
  }

  /** {@code allowed} null: stored parents, read as recorded. */
  private static List<Parent> parse(
      String field, Object raw, List<Parent> recorded, ParentRelationships allowed, ZoneId zone) {
    java.util.Objects.requireNonNull(zone, "the authority's zone");
    if (raw == null) {
      throw new InvalidInputException(field, "at least one parent is required");
    }
    JsonNode node = Json.parse(field, raw);
    if (!(node instanceof ArrayNode array)) {
      throw new InvalidInputException(field, "must be a Json array of {id, name, address}");
    }
    if (array.isEmpty()) {
      throw new InvalidInputException(field, "at least one parent is required");
    }
    List<Parent> parents = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      String at = field + "[" + i + "]";
      if (!entry.isObject()) {
        throw new InvalidInputException(at, "must be an object {id, name, address}");
      }
      Parent parent =
          of(
              at,
              Inputs.text(at + ".id", text(entry, "id"), MAX_ID),
              text(entry, "name"),
              text(entry, "address"),
              "parent-" + (i + 1));
      LocalDate born = Inputs.day(at + "." + DATE_OF_BIRTH, text(entry, DATE_OF_BIRTH), zone);
      if (born != null) {
        parent = new Parent(parent.id(), parent.name(), parent.address(), born);
      }
      parent = parent.withStanding(ParentStanding.stored(at,
          text(entry, ParentStanding.RELATIONSHIP),
          text(entry, ParentStanding.PARENTAL_RESPONSIBILITY),
          text(entry, ParentStanding.DAY_TO_DAY_CARE)));
      if (allowed != null && !unchanged(parent, recorded)) {
        allowed.checked(at + "." + ParentStanding.RELATIONSHIP, parent.standing().relationship());
      }
      if (!ids.add(parent.id())) {
        throw new InvalidInputException(at + ".id", "'" + parent.id() + "' is listed twice");
      }
      parents.add(parent);
    }
    return parents;
  }

  /**
   * One parent from its fields, trimmed and checked under {@code at.name} and {@code at.address}
   * (plain {@code name}, {@code address} when {@code at} is empty); {@code defaultId} when it has no id.
   */
  public static Parent of(String at, String id, Object name, Object address, String defaultId) {
    String prefix = at == null || at.isEmpty() ? "" : at + ".";
    String cleanName = Inputs.text(prefix + "name", name, MAX_NAME);
    if (cleanName == null) {
      throw new InvalidInputException(prefix + "name", "is required (at most " + MAX_NAME + " characters)");
    }
    String cleanAddress = Inputs.text(prefix + "address", address, MAX_ADDRESS);
    if (cleanAddress == null) {
      throw new InvalidInputException(prefix + "address", "is required: a penalty notice is posted to it");
    }
    return new Parent(id == null ? defaultId : id, cleanName, cleanAddress);
  }

  /** The parents as the Json array the case stores. */
  public static ArrayNode json(List<Parent> parents) {
    ArrayNode array = Json.newList();
    for (Parent parent : parents) {
      ObjectNode entry = array.addObject();
      entry.put("id", parent.id());
      entry.put("name", parent.name());
      entry.put("address", parent.address());
      if (parent.dateOfBirth() != null) {
        entry.put(DATE_OF_BIRTH, parent.dateOfBirth().toString());
      }
      // each only when recorded: a case opened before keeps the shape it had
      ParentStanding standing = parent.standing();
      if (standing.relationship() != null) {
        entry.put(ParentStanding.RELATIONSHIP, standing.relationship());
      }
      if (standing.parentalResponsibility() != null) {
        entry.put(ParentStanding.PARENTAL_RESPONSIBILITY, standing.parentalResponsibility());
      }
      if (standing.dayToDayCare() != null) {
        entry.put(ParentStanding.DAY_TO_DAY_CARE, standing.dayToDayCare());
      }
    }
    return array;
  }

  private static boolean unchanged(Parent parent, List<Parent> recorded) {
    return parent.standing().relationship() != null && recorded.stream().anyMatch(before -> before.id().equals(parent.id())
        && parent.standing().relationship().equals(before.standing().relationship()));
  }

  /** The names for a letter: "Alex Parent and Jo Parent". */
  public static String names(List<Parent> parents) {
    return String.join(" and ", parents.stream().map(Parent::name).toList());
  }

  private static Object text(JsonNode entry, String property) {
    JsonNode value = entry.get(property);
    return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
  }
}
