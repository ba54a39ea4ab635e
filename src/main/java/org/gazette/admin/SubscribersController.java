package org.gazette.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.subscriptions.Subscriptions;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Publishers and admins see how many people subscribe and how the latest emails went;
 * only admins see whole addresses and export the list (it is personal data).
 */
@Controller
class SubscribersController {

	static final String SECTION = "/admin/subscribers";

	private final Subscriptions subscriptions;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	SubscribersController(Subscriptions subscriptions, AdminChromeFactory chrome, AdminFormats formats) {
		this.subscriptions = subscriptions;
		this.chrome = chrome;
		this.formats = formats;
	}

	@GetMapping(SECTION)
	ModelAndView overview(HttpServletRequest request) {
		SignedInUser user = AdminChromeFactory.currentUser();
		boolean admin = user != null && user.can(Role.ADMIN);
		return AdminViews.view("admin/subscribers",
				new SubscriberPages.SubscribersPage(this.chrome.chrome(request, "Subscribers", SECTION), this.formats,
						this.subscriptions.report(admin), admin ? SECTION + ".csv" : null));
	}

	@GetMapping(SECTION + ".csv")
	void csv(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
		response.setHeader("Cache-Control", "no-store");
		this.subscriptions.exportCsv(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				AdminChromeFactory.currentUser().email(), request.getRemoteAddr());
	}

}
