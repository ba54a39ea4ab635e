package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.accounts.Account;
import org.gazette.accounts.Role;
import org.gazette.audit.AuditEntry;

/** The view records of the back-office pages, one per template. */
public final class AdminPages {

	private AdminPages() {
	}

	/**
	 * @param email the address as typed, kept after a failure
	 * @param error the one message for any failure, or null
	 * @param notice a confirmation (signed out, password set), or null
	 * @param singleSignOn buttons for the configured identity providers
	 */
	public record SignInPage(AdminChrome chrome, String email, String error, String notice,
			List<SingleSignOn.Link> singleSignOn) {
	}

	/**
	 * @param reset whether this is a reset (or a first password)
	 * @param account whose password it is
	 * @param action where the form posts
	 * @param errors field name to message
	 */
	public record SetPasswordPage(AdminChrome chrome, boolean reset, Account account, String action,
			Map<String, String> errors) {
	}

	/**
	 * @param sent whether the request was made (the answer is the same either way)
	 * @param email as typed
	 * @param error a message for the email field, or null
	 */
	public record ResetRequestPage(AdminChrome chrome, boolean sent, String email, String error) {
	}

	/** A link that is unknown, used or expired. */
	public record LinkExpiredPage(AdminChrome chrome, boolean reset) {
	}

	public record AccountsPage(AdminChrome chrome, List<Account> accounts) {
	}

	/**
	 * @param form what was typed
	 * @param roles the roles to choose from
	 * @param errors field name to message
	 */
	public record NewAccountPage(AdminChrome chrome, AccountForm form, List<Role> roles, Map<String, String> errors) {
	}

	/**
	 * @param account the account
	 * @param sessions how many devices it is signed in on
	 * @param roles the roles to choose from
	 * @param setPasswordUrl a new invitation link to show once, or null
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record AccountPage(AdminChrome chrome, Account account, int sessions, List<Role> roles,
			String setPasswordUrl, String notice, Map<String, String> errors) {
	}

	/**
	 * @param filter the filter as typed
	 * @param entries this page of the log
	 * @param previousUrl newer entries, or null
	 * @param nextUrl older entries, or null
	 * @param csvUrl the same filter as CSV
	 * @param errors field name to message
	 */
	public record AuditLogPage(AdminChrome chrome, AuditForm filter, List<AuditEntry> entries, String previousUrl,
			String nextUrl, String csvUrl, Map<String, String> errors) {
	}

	/** An error inside the back office. */
	public record AdminErrorPage(AdminChrome chrome, int status, String heading, String message) {
	}

}
