package uk.schoolattendance.casefile;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.schoolattendance.security.WebappLogin;

/**
 * Sign in and sign out of the case file, which is signing in to and out of the Camunda webapps as
 * well: one session, one login ({@link WebappLogin}). After signing in the person goes back to
 * the page they asked for (a page of the case file or of the webapps, nothing else).
 */
@Controller
class SignInController {

  /** The one answer to a refused sign-in, whether the password was wrong, the user unknown or locked for a while. */
  static final String NOT_RIGHT = "The user name or password is not right, or you tried again too soon after a wrong"
      + " try: wait a few seconds and try again. After many wrong tries an administrator must unlock your account";

  static final String PATH = "/casework/sign-in";
  private static final Pattern NEXT = Pattern.compile("/(casework|camunda/app)(/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?");

  /** The sign-in form as typed (never the password, which is not shown again). */
  record SignInForm(String username, String next, List<FieldError> errors, boolean signedOut) {}

  private final WebappLogin sessions;

  SignInController(WebappLogin sessions) {
    this.sessions = sessions;
  }

  @GetMapping(PATH)
  String form(
      @RequestParam(required = false) String next,
      @RequestParam(name = "signed-out", required = false) String signedOut,
      HttpServletRequest request,
      Model model) {
    if (sessions.user(request) != null) {
      return "redirect:" + safeNext(next);
    }
    model.addAttribute("form", new SignInForm("", safeNext(next), List.of(), signedOut != null));
    return "casefile/sign-in";
  }

  @PostMapping(PATH)
  String signIn(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String next,
      HttpServletRequest request,
      Model model) {
    String user = username == null ? "" : username.trim();
    List<FieldError> errors = new ArrayList<>();
    if (user.isEmpty()) {
      errors.add(new FieldError("username", "Enter your user name"));
    }
    if (password == null || password.isEmpty()) {
      errors.add(new FieldError("password", "Enter your password"));
    }
    // the engine refuses a user its login throttling has locked, whatever the password, without
    // locking it longer; every refusal gives one answer, so it tells nothing of whether the password
    // was right, the user locked or the user name unknown (only existing users are ever locked)
    boolean refused = !errors.isEmpty() || !sessions.signIn(request, user, password);
    if (!refused) {
      return "redirect:" + safeNext(next);
    }
    if (errors.isEmpty()) {
      errors.add(new FieldError("username", NOT_RIGHT));
    }
    model.addAttribute("form", new SignInForm(user, safeNext(next), errors, false));
    return "casefile/sign-in";
  }

  @PostMapping("/casework/sign-out")
  String signOut(HttpServletRequest request) {
    sessions.signOut(request);
    return "redirect:" + PATH + "?signed-out";
  }

  /** A page of the case file or the webapps to go back to; the case file's start page otherwise. */
  static String safeNext(String next) {
    if (next == null || next.contains("//") || next.contains("\\") || !NEXT.matcher(next).matches()) {
      return Navigation.FIND;
    }
    return next;
  }
}
