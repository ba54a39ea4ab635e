package org.gazette.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.gazette.accounts.Accounts;
import org.gazette.accounts.Invitation;
import org.gazette.accounts.NewAccount;
import org.gazette.accounts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Back-office accounts for tests, made through the real invitation and set-password path.
 * Each gets a fresh address, so tests sharing one application never collide.
 */
public class TestAccounts {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final Accounts accounts;

	private final JdbcClient jdbc;

	TestAccounts(Accounts accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** Someone who can sign in with this role. */
	public Person person(Role role) {
		String email = freshEmail(role.code());
		String password = "correct staple " + email;
		Invitation invitation = invite(email, role);
		String token = invitation.setPasswordUrl().substring(invitation.setPasswordUrl().lastIndexOf('/') + 1);
		this.accounts.setPasswordByLink(token, false, password, "127.0.0.1").orElseThrow();
		return new Person(invitation.account().id(), email, password, role);
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
	 */
	public record Person(long id, String email, String password, Role role) {
	}

}
