package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.accounts.Account;
import org.gazette.accounts.Role;
import org.gazette.accounts.SecondFactors;
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
	 * @param factors the account's second factors
	 */
	public record AccountPage(AdminChrome chrome, Account account, int sessions, List<Role> roles,
			String setPasswordUrl, String notice, Map<String, String> errors, SecondFactors.Factors factors) {
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
	public record AdminErrorPage(AdminChrome chrome, int status, String heading, String message,
			org.gazette.site.Views.Link back) {

		public AdminErrorPage(AdminChrome chrome, int status, String heading, String message) {
			this(chrome, status, heading, message, null);
		}

	}

	/**
	 * The second step of signing in, or confirming it is you before a change.
	 *
	 * @param confirming whether this confirms a change (rather than finishing a sign-in)
	 * @param askPassword whether the password is asked for first (confirming only)
	 * @param authenticatorApp whether to offer a code from an authenticator app
	 * @param securityKeys whether to offer a security key or passkey
	 * @param action where the code forms post, followed by /code or /recovery-code
	 * @param errors field name to message
	 */
	public record SecondFactorPage(AdminChrome chrome, boolean confirming, boolean askPassword,
			boolean authenticatorApp, boolean securityKeys, String action, Map<String, String> errors) {
	}

	/**
	 * Setting up a second factor: a security key or passkey, or an authenticator app.
	 *
	 * @param required whether the person must do this before anything else
	 * @param setup the new authenticator secret
	 * @param qrCode the secret as a QR code image (a data: address)
	 * @param action where the forms post, followed by /authenticator or /security-key
	 * @param keyName the key name as typed
	 * @param errors field name to message
	 */
	public record EnrolPage(AdminChrome chrome, boolean required, SecondFactors.AuthenticatorSetup setup, String qrCode,
			String action, String keyName, Map<String, String> errors) {
	}

	/**
	 * Recovery codes, shown once.
	 *
	 * @param codes the codes
	 * @param continueUrl where to go next
	 */
	public record RecoveryCodesPage(AdminChrome chrome, List<String> codes, String continueUrl) {
	}

	/**
	 * The person's own account.
	 *
	 * @param account their account
	 * @param factors their second factors
	 * @param confirmed whether they recently confirmed it is them (changes allowed)
	 * @param sessions how many devices they are signed in on
	 * @param email the new address as typed
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record MyAccountPage(AdminChrome chrome, Account account, SecondFactors.Factors factors, boolean confirmed,
			int sessions, String email, String notice, Map<String, String> errors) {
	}

	/**
	 * The person's second factors.
	 *
	 * @param factors what they have
	 * @param confirmed whether they recently confirmed it is them (changes allowed)
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record FactorsPage(AdminChrome chrome, SecondFactors.Factors factors, boolean confirmed, String notice,
			Map<String, String> errors) {
	}

}
