package uk.schoolattendance.casefile;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The names of the people who hold work ("Olivia Okafor" for {@code officer}), as pages show them
 * beside a task or a case. A person's name is not something the engine's authorizations hide
 * from colleagues (a school sees who its named officer is): it is read as the application, a
 * page's people in one query, and kept for a few minutes.
 */
@Component
public class PeopleNames {

  private static final long KEEP_MILLIS = 5 * 60 * 1000L;
  private static final int MAX_KEPT = 10_000;

  private record Kept(String name, long until) {}

  private final AsApplication asApplication;
  private final IdentityService identityService;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  PeopleNames(AsApplication asApplication, IdentityService identityService) {
    this.asApplication = asApplication;
    this.identityService = identityService;
  }

  /** The user's name, or their id when the identity store has no name for them. */
  public String of(String userId) {
    return userId == null ? null : of(Set.of(userId)).get(userId);
  }

  /** The names of these users, by id (an id without a user keeps the id as its name). */
  public Map<String, String> of(Collection<String> userIds) {
    long now = System.currentTimeMillis();
    Map<String, String> names = new HashMap<>();
    Set<String> missing = new LinkedHashSet<>();
    for (String id : userIds) {
      Kept known = id == null ? null : kept.get(id);
      if (known != null && known.until() > now) {
        names.put(id, known.name());
      } else if (id != null) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      if (kept.size() > MAX_KEPT) {
        kept.clear();
      }
      for (User user : find(missing)) {
        String name = fullName(user);
        names.put(user.getId(), name);
        kept.put(user.getId(), new Kept(name, now + KEEP_MILLIS));
      }
      missing.forEach(id -> names.putIfAbsent(id, id));
    }
    return names;
  }

  private java.util.List<User> find(Set<String> ids) {
    return asApplication.call(
        () -> identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).listPage(0, ids.size()));
  }

  private static String fullName(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    String name = (first + " " + last).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
