package org.gazette.site;

import java.util.ArrayList;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.platform.GazetteProperties;
import org.gazette.platform.SiteUrls;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Makes the {@link Chrome} for a page. */
@Component
class ChromeFactory {

	private final GazetteProperties properties;

	private final SiteUrls urls;

	private final Messages messages;

	private final List<Views.Link> navigation;

	private final String dapScriptUrl;

	ChromeFactory(GazetteProperties properties, SiteUrls urls, Messages messages, Formats formats) {
		this.properties = properties;
		this.urls = urls;
		this.messages = messages;
		List<Views.Link> links = new ArrayList<>();
		links.add(new Views.Link(messages.text("nav.home"), urls.home()));
		links.add(new Views.Link(messages.text("nav.news"), urls.news()));
		for (ArticleType type : ArticleType.values()) {
			links.add(new Views.Link(formats.typePlural(type), urls.news(java.util.Map.of("type", type.code()))));
		}
		this.navigation = List.copyOf(links);
		this.dapScriptUrl = properties.analytics().enabled()
				? UriComponentsBuilder.fromUriString("https://dap.digitalgov.gov/Universal-Federated-Analytics-Min.js")
					.queryParam("agency", properties.analytics().dapAgency())
					.queryParamIfPresent("subagency",
							java.util.Optional.of(properties.analytics().dapSubAgency()).filter((s) -> !s.isBlank()))
					.build()
					.toUriString()
				: null;
	}

	String siteName() {
		return this.properties.siteName();
	}

	/**
	 * Chrome for a page.
	 * @param heading the page's own title; the site name is added after it
	 * @param description meta description
	 * @param canonicalPath the page's canonical path, or null
	 * @param currentNav the navigation entry to mark current, or null
	 */
	Chrome chrome(String heading, String description, String canonicalPath, String currentNav) {
		return chrome(heading, description, canonicalPath, currentNav, PageMeta.website(List.of()));
	}

	/** Chrome for a page with its own feeds or structured data. */
	Chrome chrome(String heading, String description, String canonicalPath, String currentNav, PageMeta meta) {
		String title = (heading == null) ? this.properties.siteName() : heading + " | " + this.properties.siteName();
		return new Chrome(this.properties.siteName(), this.properties.agencyName(),
				this.properties.agencyUrl().toString(), title, description,
				(canonicalPath != null) ? this.urls.absolute(canonicalPath) : null, this.navigation, currentNav,
				this.properties.identifierLinks(), this.dapScriptUrl, this.urls, this.messages, meta);
	}

}
