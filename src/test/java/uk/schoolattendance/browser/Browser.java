package uk.schoolattendance.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven headless through Debian's chromedriver (tools here cannot download
 * browsers). One instance is one person at one browser; screenshots go to target/screenshots.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /**
   * A folder to put each screenshot in as well, e.g. {@code -Dscreenshots.docs=docs/images} to take
   * the documentation's pictures again ({@code ./mvnw test -Dtest='*BrowserTest'
   * -Dscreenshots.docs=docs/images}); unset in a normal build.
   */
  static final String DOCS_SCREENSHOTS = "screenshots.docs";

  /**
   * Runs the browser that many times slower, e.g. {@code -Dbrowser.cpuThrottling=6}, to look for
   * a test that only passes at this machine's speed; unset in a normal build.
   */
  static final String CPU_THROTTLING = "browser.cpuThrottling";

  private final ChromeDriver driver;
  private final String baseUrl;

  Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    String slower = System.getProperty(CPU_THROTTLING);
    if (slower != null && !slower.isBlank()) {
      driver.executeCdpCommand("Emulation.setCPUThrottlingRate", java.util.Map.of("rate", Double.parseDouble(slower)));
    }
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  /**
   * The element {@code own} on the paged list shown now (GOV.UK pagination, its "next-page" link) or on
   * one of its later pages, followed in turn; empty when no page shows it. The test classes sharing a
   * Spring context fill the same lists, newest first, so a test's own row may be on any page.
   */
  java.util.Optional<WebElement> onThisOrALaterPage(By own) {
    for (int read = 1; read <= 100; read++) {
      java.util.List<WebElement> found = driver.findElements(own);
      if (!found.isEmpty()) {
        return java.util.Optional.of(found.get(0));
      }
      java.util.List<WebElement> next = driver.findElements(By.id("next-page"));
      if (next.isEmpty()) {
        return java.util.Optional.empty();
      }
      driver.get(next.get(0).getDomProperty("href"));
    }
    throw new AssertionError("more than 100 pages read looking for " + own);
  }

  /** {@link #onThisOrALaterPage} from the first page of the list at {@code path}; fails when no page shows it. */
  WebElement onSomePage(String path, By own) {
    open(path);
    return onThisOrALaterPage(own)
        .orElseThrow(() -> new AssertionError(own + " is on no page of " + path));
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return waiting().until(ExpectedConditions.elementToBeClickable(by));
  }

  /** Waits until the condition holds; on time-out keeps a screenshot and the page as {@code name}. */
  void waitUntil(String name, java.util.function.BooleanSupplier condition) {
    try {
      // a page that is replaced while the condition reads it (a form posted, a link followed) is read again
      waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.getAsBoolean());
    } catch (RuntimeException e) {
      screenshot("failed-" + name);
      dumpPage("failed-" + name);
      throw e;
    }
  }

  /**
   * Claims the open task; {@code claimed} tells (from the engine) when the claim has landed,
   * after which Tasklist shows the form again for the new assignee.
   */
  void claimTask(java.util.function.BooleanSupplier claimed) {
    By claim = By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']");
    press(claim);
    waitUntil("claim", claimed);
    // the form drawn before the claim is still there until Tasklist has heard of the claim: wait
    // for Tasklist to say so (no Claim any more), then for the form it draws for the assignee
    waitUntil("claimed-form", () -> driver.findElements(claim).stream().noneMatch(WebElement::isDisplayed)
        && !driver.findElements(By.cssSelector(".fjs-form")).isEmpty());
  }

  /**
   * Clicks a button or link once a person could: enabled and standing still, scrolled to
   * the middle of the window first. Chromium drops a click on a disabled button without a word
   * (Tasklist disables Start until its form has loaded, and while a request is on its way), and a
   * click on a button still sliding in with its dialog lands beside it: either way the test went
   * on as if pressed and waited for what never came.
   */
  void press(By by) {
    // Tasklist may still be laying the form out: retry while something else covers the target.
    waiting()
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = d.findElement(by);
              ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              // (not isDisplayed: the pages' own radios and checkboxes are see-through inputs over their drawn boxes)
              if (!element.isEnabled() || moving(element)) {
                return false;
              }
              element.click();
              return true;
            });
  }

  /**
   * Whether the element moves between two frames, or is in a dialog still fading or sliding in (a
   * finite animation of the element or of a box holding it).
   */
  private boolean moving(WebElement element) {
    Object moving = ((JavascriptExecutor) driver).executeAsyncScript(
        "var element = arguments[0], done = arguments[arguments.length - 1];"
            + "var before = element.getBoundingClientRect();"
            + "requestAnimationFrame(function () { requestAnimationFrame(function () {"
            + "  var after = element.getBoundingClientRect();"
            + "  var dialog = element.closest('.modal');"
            // only an animation that moves the element (on it or on a box holding it) and ends: a
            // spinner or striped bar elsewhere in the dialog, or any endless one, moves nothing
            + "  var animating = dialog && typeof dialog.getAnimations === 'function'"
            + "      && dialog.getAnimations({subtree: true}).some(function (a) {"
            + "        var target = a.effect && a.effect.target;"
            + "        return a.playState === 'running' && target && target.contains(element)"
            + "            && a.effect.getComputedTiming().endTime !== Infinity; });"
            + "  done(before.top !== after.top || before.left !== after.left || !!animating"
            + "      || (dialog !== null && !dialog.classList.contains('in')));"
            + "}); });",
        element);
    return Boolean.TRUE.equals(moving);
  }

  /**
   * Clicks into a field until the browser's focus is in it, as a person clicks again when the first
   * click did not take: Tasklist's start dialog may still be sliding in, or draw its form once more
   * after the first drawing (a slow machine), and a click then lands on a field that is replaced
   * or loses its focus to the dialog.
   */
  void clickUntilFocused(String name, By by) {
    waitUntil(name, () -> {
      WebElement field = driver.findElement(by);
      if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return document.activeElement === arguments[0];", field))) {
        return true;
      }
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
      if (field.isEnabled() && !moving(field)) {
        new Actions(driver).click(field).perform();
      }
      return false;
    });
  }

  /**
   * Clicks the first shown element {@code by} finds until {@code took} holds, as a person clicks
   * again when nothing happened: a click on a box that is replaced, still moving, or covered for a
   * moment is lost. Only for a click that does no harm made twice (closing a box, following a link
   * to a field, opening a page).
   */
  void clickUntil(String name, By by, java.util.function.BooleanSupplier took) {
    waitUntil(name, () -> {
      if (took.getAsBoolean()) {
        return true;
      }
      java.util.Optional<WebElement> shown = driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst();
      if (shown.isPresent()) {
        WebElement element = shown.get();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        if (element.isEnabled() && !moving(element)) {
          try {
            element.click();
          } catch (org.openqa.selenium.ElementNotInteractableException notYet) {
            // covered or not yet ready: clicked again on the next round
          }
        }
      }
      return took.getAsBoolean();
    });
  }

  /**
   * Waits until the element {@code by} finds is shown and stands still (a dialog slid in, its form
   * laid out), and returns it: what a person waits for before reading or measuring it.
   */
  WebElement still(String name, By by) {
    WebElement[] found = new WebElement[1];
    waitUntil(name, () -> {
      java.util.List<WebElement> all = driver.findElements(by);
      if (all.isEmpty() || !all.get(0).isDisplayed() || moving(all.get(0))) {
        return false;
      }
      found[0] = all.get(0);
      return true;
    });
    return found[0];
  }

  /**
   * The value of the field {@code by} finds once the form has filled it (not blank), read again if
   * the form is drawn once more meanwhile: a read-only field's words come with the form's data,
   * which may arrive after the field is drawn.
   */
  String valueOnceShown(String name, By by) {
    String[] value = new String[1];
    waitUntil(name, () -> {
      value[0] = driver.findElement(by).getDomProperty("value");
      return value[0] != null && !value[0].isBlank();
    });
    return value[0];
  }

  /**
   * Opens a page of a Camunda webapp and waits until it shows {@code shown}; when the page sits
   * without it (a request of the page's that went unanswered on a loaded machine: the page still
   * empty, or a red box saying so), loads it again, as a person presses reload, up to {@code attempts}
   * times. A red box that names a server error (5xx), or a request of the application's that it
   * answered with one, fails at once with the box's words and the request: reloading it away would
   * hide a fault of the application's own endpoints. Each wait that ran out keeps its screenshot and
   * page ({@code failed-name-N}).
   */
  void openUntilShown(String name, String path, By shown, int attempts) {
    open(path);
    for (int attempt = 1; ; attempt++) {
      boolean[] failed = new boolean[1];
      try {
        waitUntil(name + "-" + attempt, () -> {
          failIfServerError(name);
          if (!driver.findElements(shown).isEmpty()) {
            return true;
          }
          failed[0] = !errorNotifications().isEmpty();
          return failed[0];
        });
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == attempts) {
          throw e;
        }
        driver.navigate().refresh();
        continue;
      }
      if (!failed[0] || !driver.findElements(shown).isEmpty()) {
        return;
      }
      failIfServerError(name);
      if (attempt == attempts) {
        throw new AssertionError(name + ": the page showed " + errorNotifications() + " instead of " + shown);
      }
      screenshot("failed-" + name + "-" + attempt);
      driver.navigate().refresh();
    }
  }

  /**
   * A red box naming a server error: Cockpit's and Tasklist's "Server Error" (status 500, with the
   * engine's message) and "unexpected 5xx response" (any other status from 500 on).
   */
  private static final java.util.regex.Pattern SERVER_ERROR =
      java.util.regex.Pattern.compile("Server Error|unexpected 5\\d\\d response");

  /**
   * Fails, with the red box's words, the requests and a screenshot ({@code failed-name-server-error}),
   * when the page shows a server error or a request of the application's got a 5xx answer.
   */
  private void failIfServerError(String name) {
    java.util.List<String> boxes = errorNotifications();
    java.util.List<String> serverErrors = failedRequests().stream()
        .filter(request -> request.matches("5\\d\\d " + java.util.regex.Pattern.quote(baseUrl) + ".*")).toList();
    if (boxes.stream().anyMatch(box -> SERVER_ERROR.matcher(box).find()) || !serverErrors.isEmpty()) {
      screenshot("failed-" + name + "-server-error");
      dumpPage("failed-" + name + "-server-error");
      throw new AssertionError(name + ": the application answered with a server error, not retried: the page showed "
          + boxes + ", requests " + serverErrors);
    }
  }

  /**
   * Runs {@code script} in every page this browser opens from now on, before the page's own
   * scripts: for a test to stand in for an answer of the server's.
   */
  void beforeEachPage(String script) {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
  }

  /** Types into the field found by a CSS selector, once it is visible. */
  void type(String css, String text) {
    // Tasklist may render a form again (after a claim, say): type until the value holds.
    for (int attempt = 1; ; attempt++) {
      WebElement field = visible(By.cssSelector(css));
      // Tasklist's footer covers the bottom of the window: bring the field to the middle.
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
      field.clear();
      // Type, leave the field and pause as a person would: form-js commits a field's value
      // after a short debounce, and a dynamic list row typed faster than that loses values.
      new Actions(driver)
          .click(field)
          .sendKeys(text)
          .pause(Duration.ofMillis(600))
          .perform();
      ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", field);
      String value = visible(By.cssSelector(css)).getDomProperty("value");
      if (text.equals(value) || attempt == 3) {
        return;
      }
    }
  }

  /**
   * Types as a person does, once, with no retry: clicks the field, then each key with a pause
   * between keys; {@code \t} is the Tab key, which moves on to the next field.
   */
  void typeAtAPersonsPace(String css, String keys, Duration betweenKeys) {
    // the click into the field is made again until it takes (a dialog still sliding in, a form
    // drawn again); the keys are typed once, as the person types them
    clickUntilFocused("focus-" + css, By.cssSelector(css));
    Actions person = new Actions(driver);
    for (char key : keys.toCharArray()) {
      person.sendKeys(key == '\t' ? org.openqa.selenium.Keys.TAB.toString() : String.valueOf(key)).pause(betweenKeys);
    }
    person.perform();
  }

  /** Logs in to a Camunda webapp (tasklist, cockpit, admin) through its own login form. */
  void logInTo(String app, String user, String password) {
    open("/camunda/app/" + app + "/default/#/login");
    try {
      visible(By.cssSelector("input[ng-model=username]"));
    } catch (RuntimeException e) {
      screenshot("login-page-" + app);
      dumpPage("login-page-" + app);
      throw e;
    }
    // Paced and checked typing: a slow machine may still be starting the page's scripts.
    type("input[ng-model=username]", user);
    type("input[ng-model=password]", password);
    press(By.cssSelector("form button[type=submit]"));
    waitUntil("login-" + app + "-" + user, () -> !driver.getCurrentUrl().contains("/login"));
  }

  /** The error notifications the webapp shows (Cockpit's and Tasklist's red boxes). */
  java.util.List<String> errorNotifications() {
    return driver.findElements(By.cssSelector(".notifications .alert-danger, .page-notifications .alert-danger")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .toList();
  }

  /**
   * The page's requests the server refused or failed (status 400 and above) since the page was
   * loaded, as "400 <address>": what the browser's network log shows in red, read from the
   * browser's resource timing.
   */
  java.util.List<String> failedRequests() {
    Object failed = ((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource')"
            + ".filter(function (e) { return e.responseStatus >= 400; })"
            + ".map(function (e) { return e.responseStatus + ' ' + e.name; });");
    return ((java.util.List<?>) failed).stream().map(String::valueOf).toList();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      String docs = System.getProperty(DOCS_SCREENSHOTS);
      if (docs != null && !docs.isBlank() && !name.startsWith("failed-") && !name.startsWith("login-page-")) {
        // the README's and docs' pictures, taken again by the tests that show each page
        Files.createDirectories(Path.of(docs));
        Files.copy(file, Path.of(docs).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException("screenshot " + name, e);
    }
  }

  void dumpPage(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException e) {
      throw new IllegalStateException("page source " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
