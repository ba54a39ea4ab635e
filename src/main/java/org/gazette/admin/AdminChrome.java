package org.gazette.admin;

import java.util.List;

import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.platform.SiteUrls;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What the back-office layout needs: who is signed in, the navigation they may use, the
 * form token, and the page's title.
 *
 * @param siteName the site's name
 * @param title the page's own title (the layout appends the site name)
 * @param user the person signed in, or null on the sign-in pages
 * @param csrf the token every form posts back
 * @param navigation the sections this person may open
 * @param current the section this page belongs to, or null
 * @param urls the site's addresses, for assets
 */
public record AdminChrome(String siteName, String title, SignedInUser user, CsrfToken csrf, List<NavLink> navigation,
		String current, SiteUrls urls) {

	/**
	 * A back-office section.
	 *
	 * @param label what the link says
	 * @param href where it goes
	 * @param needs the role needed to see it
	 */
	public record NavLink(String label, String href, Role needs) {
	}

	public boolean isCurrent(NavLink link) {
		return link.href().equals(this.current);
	}

	public String csrfParameter() {
		return (this.csrf != null) ? this.csrf.getParameterName() : "_csrf";
	}

	public String csrfToken() {
		return (this.csrf != null) ? this.csrf.getToken() : "";
	}

}
