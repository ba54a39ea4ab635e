package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.publishing.Redirect;

/** The view records of the pages that change what public addresses answer. */
public final class AddressPages {

	private AddressPages() {
	}

	/**
	 * Taking a story down.
	 *
	 * @param articleId the story
	 * @param title its working title
	 * @param publicUrl its address
	 * @param status where it stands, in plain words ("Public since November 2, 2026")
	 * @param takeable whether it was ever published (else there is nothing to take down)
	 * @param form what was chosen and typed
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record TakedownPage(AdminChrome chrome, long articleId, String title, String publicUrl, String status,
			boolean takeable, TakedownForm form, String notice, Map<String, String> errors) {
	}

	/**
	 * Changing a story's address.
	 *
	 * @param articleId the story
	 * @param title its working title
	 * @param slug its address now
	 * @param formerSlugs its earlier addresses, each redirecting to this one
	 * @param published whether it was ever published (so the old address will redirect)
	 * @param typed the new address as typed
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record AddressPage(AdminChrome chrome, long articleId, String title, String slug, List<String> formerSlugs,
			boolean published, String typed, String notice, Map<String, String> errors) {
	}

	/**
	 * The redirects admins keep.
	 *
	 * @param redirects this page's, by old path
	 * @param total how many match
	 * @param search the search text, or empty
	 * @param previousUrl the previous page, or null
	 * @param nextUrl the next page, or null
	 * @param form the add form as typed
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record RedirectsPage(AdminChrome chrome, AdminFormats formats, List<Redirect> redirects, long total,
			String search, String previousUrl, String nextUrl, RedirectForm form, String notice,
			Map<String, String> errors) {
	}

	/**
	 * A redirect as typed.
	 *
	 * @param fromPath the old path
	 * @param toUrl the new address
	 * @param note why, optional
	 */
	public record RedirectForm(String fromPath, String toUrl, String note) {

		static final RedirectForm EMPTY = new RedirectForm("", "", "");

	}

}
