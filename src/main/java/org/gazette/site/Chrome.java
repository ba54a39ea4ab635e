package org.gazette.site;

import java.util.List;

import gg.jte.Content;

import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;

/**
 * What the layout around every page needs: site identity, the page's title and
 * description, its canonical address, the navigation and the identifier links.
 *
 * @param siteName the site's name
 * @param agencyName the publishing agency
 * @param agencyUrl the agency's home page
 * @param title the full, unique document title
 * @param description the meta description
 * @param canonicalUrl absolute canonical address, or null for pages that have none
 * (errors)
 * @param navigation primary navigation
 * @param currentNav the navigation entry this page belongs to, or null
 * @param identifierLinks required agency links
 * @param dapScriptUrl Digital Analytics Program script address, or null when off
 * @param urls the site's addresses
 * @param messages the words readers see
 * @param meta Open Graph type, feeds and structured data
 * @param preview for a preview of an unsaved or unpublished story (in the back office or
 * through a preview link): the notice shown above the page; null on every public page
 */
public record Chrome(String siteName, String agencyName, String agencyUrl, String title, String description,
		String canonicalUrl, List<Views.Link> navigation, String currentNav,
		List<GazetteProperties.IdentifierLink> identifierLinks, String dapScriptUrl, SiteUrls urls, Messages messages,
		PageMeta meta, Views.PreviewNotice preview) {

	/** Chrome of a public page. */
	public Chrome(String siteName, String agencyName, String agencyUrl, String title, String description,
			String canonicalUrl, List<Views.Link> navigation, String currentNav,
			List<GazetteProperties.IdentifierLink> identifierLinks, String dapScriptUrl, SiteUrls urls,
			Messages messages, PageMeta meta) {
		this(siteName, agencyName, agencyUrl, title, description, canonicalUrl, navigation, currentNav, identifierLinks,
				dapScriptUrl, urls, messages, meta, null);
	}

	/**
	 * The same chrome for a preview: no canonical address, no analytics, kept out of
	 * search engines, and a notice saying what it is.
	 */
	Chrome asPreview(Views.PreviewNotice notice) {
		return new Chrome(this.siteName, this.agencyName, this.agencyUrl,
				this.messages.text("preview.title", this.title), this.description, null, this.navigation, null,
				this.identifierLinks, null, this.urls, this.messages, this.meta, notice);
	}

	/** A message for the page, with escaped arguments. */
	public Content t(String key, Object... args) {
		return this.messages.localize(key, args);
	}

	/** A message as plain text, for attributes. */
	public String text(String key, Object... args) {
		return this.messages.text(key, args);
	}

	public boolean isCurrent(Views.Link link) {
		return link.url().equals(this.currentNav);
	}

}
