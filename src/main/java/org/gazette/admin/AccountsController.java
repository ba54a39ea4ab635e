package org.gazette.admin;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.Account;
import org.gazette.accounts.AccountSessions;
import org.gazette.accounts.Accounts;
import org.gazette.accounts.InvalidAccountException;
import org.gazette.accounts.Invitation;
import org.gazette.accounts.NewAccount;
import org.gazette.accounts.Role;
import org.gazette.accounts.SecondFactors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Admins invite colleagues, change their roles, switch accounts off and sign them out.
 */
@Controller
class AccountsController {

	private static final String SECTION = "/admin/accounts";

	private static final List<Role> ROLES = List.of(Role.values());

	private final Accounts accounts;

	private final AccountSessions sessions;

	private final SecondFactors factors;

	private final AdminChromeFactory chrome;

	AccountsController(Accounts accounts, AccountSessions sessions, SecondFactors factors, AdminChromeFactory chrome) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.factors = factors;
		this.chrome = chrome;
	}

	@GetMapping(SECTION)
	ModelAndView list(HttpServletRequest request) {
		return AdminViews.view("admin/accounts",
				new AdminPages.AccountsPage(this.chrome.chrome(request, "Accounts", SECTION), this.accounts.all()));
	}

	@GetMapping(SECTION + "/new")
	ModelAndView newAccount(HttpServletRequest request) {
		return AdminViews.view("admin/newAccount", new AdminPages.NewAccountPage(
				this.chrome.chrome(request, "Invite a colleague", SECTION), AccountForm.empty(), ROLES, Map.of()));
	}

	@PostMapping(SECTION)
	ModelAndView create(HttpServletRequest request, @ModelAttribute AccountForm form) {
		try {
			Role role = Role.fromCode(form.role()).orElse(null);
			Invitation invitation = this.accounts.invite(new NewAccount(form.email(), form.displayName(), role),
					AdminChromeFactory.currentUser().email());
			return page(request, invitation.account(), invitation.setPasswordUrl(),
					"Account created. Send this link to " + invitation.account().displayName()
							+ " so they can choose a password; it works once, for 3 days.",
					Map.of(), HttpStatus.CREATED);
		}
		catch (InvalidAccountException ex) {
			AccountForm kept = new AccountForm(cut(form.email()), cut(form.displayName()), form.role());
			return AdminViews.view("admin/newAccount",
					new AdminPages.NewAccountPage(this.chrome.chrome(request, "Invite a colleague", SECTION), kept,
							ROLES, ex.fieldErrors()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping(SECTION + "/{id}")
	ModelAndView show(HttpServletRequest request, @PathVariable long id) {
		return page(request, require(id), null, null, Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}/role")
	ModelAndView role(HttpServletRequest request, @PathVariable long id, @RequestParam(defaultValue = "") String role) {
		Account account = require(id);
		try {
			Role chosen = Role.fromCode(role)
				.orElseThrow(() -> new InvalidAccountException(Map.of("role", "Choose one of the roles listed.")));
			Account changed = this.accounts.changeRole(id, chosen, actor());
			return page(request, changed, null, "Role changed to " + chosen.code() + ".", Map.of(), HttpStatus.OK);
		}
		catch (InvalidAccountException ex) {
			return page(request, account, null, null, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(SECTION + "/{id}/enabled")
	ModelAndView enabled(HttpServletRequest request, @PathVariable long id,
			@RequestParam(defaultValue = "") String enabled) {
		Account account = require(id);
		if (!enabled.equals("true") && !enabled.equals("false")) {
			return page(request, account, null, null, Map.of("enabled", "Choose whether the account can sign in."),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		try {
			Account changed = this.accounts.setEnabled(id, Boolean.parseBoolean(enabled), actor());
			return page(request, changed, null, changed.enabled() ? "The account can sign in again."
					: "The account is switched off and signed out.", Map.of(), HttpStatus.OK);
		}
		catch (InvalidAccountException ex) {
			return page(request, account, null, null, ex.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@PostMapping(SECTION + "/{id}/sessions")
	ModelAndView endSessions(HttpServletRequest request, @PathVariable long id) {
		require(id);
		String keep = (id == AdminChromeFactory.currentUser().accountId()) ? request.getSession().getId() : null;
		int ended = this.accounts.endSessions(id, actor(), keep);
		return page(request, require(id), null, "Signed out on " + ended + (ended == 1 ? " device." : " devices."),
				Map.of(), HttpStatus.OK);
	}

	@PostMapping(SECTION + "/{id}/invitation")
	ModelAndView reinvite(HttpServletRequest request, @PathVariable long id) {
		Invitation invitation = this.accounts.reinvite(id, actor());
		return page(request, invitation.account(), invitation.setPasswordUrl(),
				"New link made; earlier links no longer work.", Map.of(), HttpStatus.OK);
	}

	/** For a lost key: the person sets up a new factor at their next sign-in. */
	@PostMapping(SECTION + "/{id}/factors/reset")
	ModelAndView resetFactors(HttpServletRequest request, @PathVariable long id) {
		require(id);
		this.factors.reset(id, actor());
		return page(request, require(id), null,
				"Security keys, authenticator app and recovery codes removed. We emailed the person.", Map.of(),
				HttpStatus.OK);
	}

	private ModelAndView page(HttpServletRequest request, Account account, String link, String notice,
			Map<String, String> errors, HttpStatus status) {
		return AdminViews.view("admin/account",
				new AdminPages.AccountPage(this.chrome.chrome(request, account.displayName(), SECTION), account,
						this.sessions.count(account.email()), ROLES, link, notice, errors,
						this.factors.factors(account.id())),
				status);
	}

	private Account require(long id) {
		return this.accounts.find(id).orElseThrow(() -> new AdminNotFoundException());
	}

	private static String actor() {
		return AdminChromeFactory.currentUser().email();
	}

	private static String cut(String typed) {
		return (typed == null) ? "" : (typed.length() > 300) ? typed.substring(0, 300) : typed;
	}

}
