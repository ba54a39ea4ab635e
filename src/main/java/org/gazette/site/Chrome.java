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
 */
public record Chrome(String siteName, String agencyName, String agencyUrl, String title, String description,
		String canonicalUrl, List<Views.Link> navigation, String currentNav,
		List<GazetteProperties.IdentifierLink> identifierLinks, String dapScriptUrl, SiteUrls urls, Messages messages,
		PageMeta meta) {

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
