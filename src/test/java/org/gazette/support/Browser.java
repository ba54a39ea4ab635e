package org.gazette.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.deque.html.axecore.providers.StringAxeScriptProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A headless Chromium for browser tests against the running application, one per test
 * class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * ...
 * browser.open("/news");
 * </pre>
 *
 * The browser starts on first use (so a missing Chromium skips, or in CI fails, only the
 * tests that need it) and quits after the class. It uses Debian's {@code chromium} and
 * {@code chromedriver} (override with GAZETTE_TEST_CHROMIUM and
 * GAZETTE_TEST_CHROMEDRIVER) and never lets Selenium Manager download a browser or
 * driver. Only loopback hosts resolve.
 */
public final class Browser implements BeforeEachCallback, AfterAllCallback {

	public static final Path CHROMIUM = Path
		.of(System.getenv().getOrDefault("GAZETTE_TEST_CHROMIUM", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("GAZETTE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** The rules the site promises to meet: WCAG 2.0 and 2.1, levels A and AA. */
	public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/**
	 * axe-core from npm (package.json pins it), newer than the copy bundled in the Java
	 * library.
	 */
	private static final Path AXE_SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ChromeDriver driver;

	private Path profile;

	private String base;

	private boolean emulating;

	/** The browser, started on first use. */
	public ChromeDriver driver() {
		if (this.driver == null) {
			this.driver = start();
		}
		return this.driver;
	}

	/**
	 * Loads a page of the application, such as {@code /news?page=2}. Returns once the
	 * page has loaded (its scripts have run): WebDriver's normal page-load strategy waits
	 * for that.
	 */
	public void open(String path) {
		if (this.base == null) {
			throw new IllegalStateException("Browser only knows the application's port inside a @GazetteWebTest");
		}
		driver().get(this.base + path);
	}

	/**
	 * Runs a script in the current page; {@code arguments[0]...} in the script are the
	 * given arguments.
	 */
	public Object script(String javascript, Object... arguments) {
		return ((JavascriptExecutor) driver()).executeScript(javascript, arguments);
	}

	/**
	 * Waits, up to ten seconds, until the condition returns something other than null or
	 * false. An element that went away because the page was replaced meanwhile counts as
	 * "not yet", as a missing one does.
	 */
	public <T> T waitUntil(Function<WebDriver, T> condition) {
		WebDriverWait wait = new WebDriverWait(driver(), WAIT);
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait.until(condition);
	}

	/**
	 * Runs a script in every page before the page's own scripts, from the next page load
	 * on.
	 */
	public void beforeEveryPage(String javascript) {
		driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", javascript));
	}

	/**
	 * Lays pages out as a phone does until the next test starts: 375 CSS pixels wide,
	 * with the page's viewport meta tag applied as a mobile browser applies it (a narrow
	 * desktop window would not).
	 */
	public void phone() {
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
		this.emulating = true;
	}

	/** WCAG 2.1 A and AA violations that axe-core finds on the current page. */
	public List<Rule> accessibilityViolations() {
		AxeBuilder axe = new AxeBuilder().withTags(WCAG_21_AA);
		if (Files.isReadable(AXE_SCRIPT)) {
			axe.setAxeScriptProvider(new StringAxeScriptProvider(AxeScript.TEXT));
		}
		Results results = axe.analyze(driver());
		if (results.isErrored()) {
			throw new IllegalStateException(
					"axe-core could not check " + results.getUrl() + ": " + results.getErrorMessage());
		}
		return results.getViolations();
	}

	/**
	 * Violations as an assertion message: rule, impact, what to do, and the elements at
	 * fault.
	 */
	public static String describe(String page, List<Rule> violations) {
		StringBuilder text = new StringBuilder();
		text.append(violations.size()).append(" WCAG 2.1 A/AA violation(s) on ").append(page).append(':');
		for (Rule rule : violations) {
			text.append("\n- ")
				.append(rule.getId())
				.append(" [")
				.append(rule.getImpact())
				.append("] ")
				.append(rule.getHelp())
				.append(" (")
				.append(rule.getHelpUrl())
				.append(')');
			for (CheckedNode node : rule.getNodes()) {
				text.append("\n    at ").append(node.getTarget());
				if (node.getFailureSummary() != null) {
					text.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
				}
			}
		}
		return text.toString();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// The application picks a free port at start; every test class shares one
		// application.
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		this.base = "http://localhost:" + port;
		if (this.emulating) {
			this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			this.emulating = false;
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			deleteProfile();
		}
	}

	private ChromeDriver start() {
		if (!Files.isExecutable(CHROMIUM)) {
			Prerequisites.missing("Browser tests: " + CHROMIUM
					+ " not found; install Debian's chromium and chromium-driver (or set GAZETTE_TEST_CHROMIUM)");
		}
		if (!Files.isExecutable(CHROMEDRIVER)) {
			Prerequisites.missing("Browser tests: " + CHROMEDRIVER
					+ " not found; install Debian's chromium and chromium-driver (or set GAZETTE_TEST_CHROMEDRIVER)");
		}
		// With the driver named here and in the system property, Selenium Manager is
		// never asked.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		try {
			this.profile = Files.createTempDirectory("gazette-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=en-US",
				"--window-size=1280,1024", "--user-data-dir=" + this.profile,
				// Pages may name other hosts (USA.gov, the agency); none of them is ever
				// reached.
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
		// An alert from a page fails the next command instead of waiting for someone to
		// close it.
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS_AND_NOTIFY);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		return new ChromeDriver(service, options);
	}

	private void deleteProfile() {
		if (this.profile == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.profile = null;
		}
	}

	/** The npm axe-core script, read once per test run. */
	private static final class AxeScript {

		static final String TEXT = read();

		private static String read() {
			try {
				return Files.readString(AXE_SCRIPT);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
