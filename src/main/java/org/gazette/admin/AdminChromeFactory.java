package org.gazette.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.Role;
import org.gazette.accounts.SignInStage;
import org.gazette.accounts.SignedInUser;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Builds the back-office chrome for the current request. */
@Component
class AdminChromeFactory {

	static final List<AdminChrome.NavLink> NAVIGATION = List.of(
			new AdminChrome.NavLink("Dashboard", "/admin", Role.CONTRIBUTOR),
			new AdminChrome.NavLink("Stories", "/admin/articles", Role.CONTRIBUTOR),
			new AdminChrome.NavLink("Media", "/admin/media", Role.CONTRIBUTOR),
			new AdminChrome.NavLink("Authors", "/admin/authors", Role.EDITOR),
			new AdminChrome.NavLink("Topics", "/admin/topics", Role.EDITOR),
			new AdminChrome.NavLink("Subscribers", "/admin/subscribers", Role.PUBLISHER),
			new AdminChrome.NavLink("Redirects", "/admin/redirects", Role.ADMIN),
			new AdminChrome.NavLink("Accounts", "/admin/accounts", Role.ADMIN),
			new AdminChrome.NavLink("Audit log", "/admin/audit", Role.ADMIN),
			new AdminChrome.NavLink("My account", "/admin/account", Role.CONTRIBUTOR));

	private final GazetteProperties properties;

	private final SiteUrls urls;

	AdminChromeFactory(GazetteProperties properties, SiteUrls urls) {
		this.properties = properties;
		this.urls = urls;
	}

	AdminChrome chrome(HttpServletRequest request, String title, String current) {
		SignedInUser user = currentUser();
		List<AdminChrome.NavLink> links = (user == null) ? List.of()
				: NAVIGATION.stream().filter((link) -> user.can(link.needs())).toList();
		return new AdminChrome(this.properties.siteName(), title, user,
				(CsrfToken) request.getAttribute(CsrfToken.class.getName()), links, current, this.urls);
	}

	/** The person fully signed in (past any second factor), or null. */
	static SignedInUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return SignInStage.isComplete(authentication) ? SignInStage.user(authentication) : null;
	}

	static Authentication currentAuthentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

}
