package org.gazette.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.accounts.AccountsProperties;
import org.gazette.accounts.Accounts;
import org.gazette.accounts.Invitation;
import org.gazette.accounts.NewAccount;
import org.gazette.accounts.Role;
import org.gazette.accounts.SecondFactors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Back-office accounts for tests, made through the real invitation and set-password path.
 * Each gets a fresh address, so tests sharing one application never collide. Someone
 * whose role needs a second factor gets an authenticator app, set up through the real
 * service.
 */
public class TestAccounts {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final Accounts accounts;

	private final SecondFactors factors;

	private final AccountsProperties properties;

	private final MutableClock clock;

	private final JdbcClient jdbc;

	TestAccounts(Accounts accounts, SecondFactors factors, AccountsProperties properties, MutableClock clock,
			JdbcClient jdbc) {
		this.accounts = accounts;
		this.factors = factors;
		this.properties = properties;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Someone who can sign in with this role (with an authenticator app when the role
	 * needs a second factor).
	 */
	public Person person(Role role) {
		Person person = personWithoutFactors(role);
		return this.properties.requiresMfa(role) ? withAuthenticator(person) : person;
	}

	/** Someone with a password and no second factor, whatever their role. */
	public Person personWithoutFactors(Role role) {
		String email = freshEmail(role.code());
		String password = "correct staple " + email;
		Invitation invitation = invite(email, role);
		String token = invitation.setPasswordUrl().substring(invitation.setPasswordUrl().lastIndexOf('/') + 1);
		this.accounts.setPasswordByLink(token, false, password, "127.0.0.1").orElseThrow();
		return new Person(invitation.account().id(), email, password, role, null, List.of());
	}

	/** The same person with an authenticator app set up now, and their recovery codes. */
	public Person withAuthenticator(Person person) {
		SecondFactors.AuthenticatorSetup setup = this.factors.newAuthenticator(person.id());
		List<String> codes = this.factors.addAuthenticator(person.id(), setup,
				TestTotp.code(setup.secret(), this.clock.instant()), "127.0.0.1");
		return new Person(person.id(), person.email(), person.password(), person.role(), setup.secret(), codes);
	}

	/**
	 * Signs in with password and, when asked, a fresh code from the person's app (the
	 * clock moves on 30 seconds first, since each code works once).
	 * @return the last answer: a redirect to where the person was going
	 */
	public BackOffice.Page signIn(BackOffice browser, Person person) {
		BackOffice.Page answer = browser.signIn(person.email(), person.password());
		if (answer.status() == 302 && answer.location().equals("/admin/second-factor")) {
			browser.get("/admin/second-factor");
			answer = browser.post("/admin/second-factor/code", Map.of("code", nextCode(person)));
		}
		return answer;
	}

	/** The code the person's app shows 30 seconds from now, moving the clock there. */
	public String nextCode(Person person) {
		this.clock.advance(Duration.ofSeconds(30));
		return TestTotp.code(person.totpSecret(), this.clock.instant());
	}

	/** An invited person who has not chosen a password yet. */
	public Invitation invite(String email, Role role) {
		return this.accounts.invite(new NewAccount(email, "Test " + role.code() + " " + NEXT.get(), role), "test");
	}

	public static String freshEmail(String prefix) {
		return prefix + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@agency.example.gov";
	}

	/** Forgets failed sign-ins, which are counted per client and all tests share one. */
	public void forgetFailedSignIns() {
		this.jdbc.sql("delete from sign_in_throttle").update();
	}

	/**
	 * A person with an account and a password.
	 *
	 * @param id account id
	 * @param email sign-in address
	 * @param password their password
	 * @param role their role
	 * @param totpSecret their authenticator app's secret (Base32), or null
	 * @param recoveryCodes their recovery codes, if any
	 */
	public record Person(long id, String email, String password, Role role, String totpSecret,
			List<String> recoveryCodes) {
	}

}
