package org.gazette.platform;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Site settings, bound from {@code gazette.*} properties or {@code GAZETTE_*} environment
 * variables.
 *
 * @param siteName name of the site, shown in the header and in every page title
 * @param agencyName the agency that publishes the site, shown in the identifier and
 * footer
 * @param agencyUrl the agency's home page
 * @param baseUrl absolute address of this site, used for canonical links
 * @param timeZone the zone editors enter and readers see times in
 * @param demoContent whether to load the demo newsroom into an empty database on start
 * @param pageCacheMegabytes memory this node may use to cache rendered public pages
 * @param analytics the federal Digital Analytics Program, off unless an agency code is
 * set
 * @param identifierLinks the links that federal sites must show in their identifier;
 * defaults are paths on the agency's site
 * @param mailFrom the address emails are sent from
 * @param dynamicBaseUrl the Gazette node that answers what a static host cannot (the
 * search box and the news filter form) when the site is served from a static export; null
 * (the default) means this site itself, so the forms go to {@code /search} and
 * {@code /news}
 */
@Validated
@ConfigurationProperties("gazette")
public record GazetteProperties(@NotBlank String siteName, @NotBlank String agencyName, @NotNull URI agencyUrl,
		@NotNull URI baseUrl, @NotNull ZoneId timeZone, @DefaultValue("true") boolean demoContent,
		@DefaultValue("64") @Min(1) int pageCacheMegabytes, @Valid @DefaultValue Analytics analytics,
		@Valid List<IdentifierLink> identifierLinks,
		@DefaultValue("newsroom@example.gov") @jakarta.validation.constraints.Email String mailFrom,
		URI dynamicBaseUrl) {

	@ConstructorBinding
	public GazetteProperties {
		if (identifierLinks == null || identifierLinks.isEmpty()) {
			identifierLinks = defaultIdentifierLinks(agencyUrl);
		}
		if (dynamicBaseUrl != null && (!dynamicBaseUrl.isAbsolute() || dynamicBaseUrl.getRawQuery() != null
				|| !List.of("http", "https").contains(dynamicBaseUrl.getScheme()))) {
			throw new IllegalArgumentException(
					"gazette.dynamic-base-url must be an absolute http or https address without a query, such as https://app.agency.gov");
		}
	}

	/** Settings without a separate node for the forms. */
	public GazetteProperties(String siteName, String agencyName, URI agencyUrl, URI baseUrl, ZoneId timeZone,
			boolean demoContent, int pageCacheMegabytes, Analytics analytics, List<IdentifierLink> identifierLinks,
			String mailFrom) {
		this(siteName, agencyName, agencyUrl, baseUrl, timeZone, demoContent, pageCacheMegabytes, analytics,
				identifierLinks, mailFrom, null);
	}

	/**
	 * Digital Analytics Program settings.
	 *
	 * @param dapAgency the agency code given by DAP (for example {@code DHS}); blank
	 * keeps analytics off
	 * @param dapSubAgency optional sub-agency code
	 */
	public record Analytics(@DefaultValue("") @Pattern(regexp = "[A-Za-z0-9_-]*") String dapAgency,
			@DefaultValue("") @Pattern(regexp = "[A-Za-z0-9_-]*") String dapSubAgency) {

		public boolean enabled() {
			return !dapAgency.isBlank();
		}

	}

	/**
	 * A required link in the site's identifier.
	 *
	 * @param label what the reader sees
	 * @param url where it goes
	 */
	public record IdentifierLink(@NotBlank String label, @NotNull URI url) {
	}

	private static List<IdentifierLink> defaultIdentifierLinks(URI agencyUrl) {
		URI base = agencyUrl == null ? URI.create("https://www.example.gov/") : agencyUrl;
		return List.of(new IdentifierLink("About", base.resolve("/about")),
				new IdentifierLink("Accessibility statement", base.resolve("/accessibility")),
				new IdentifierLink("FOIA requests", base.resolve("/foia")),
				new IdentifierLink("No FEAR Act data", base.resolve("/no-fear-act")),
				new IdentifierLink("Office of the Inspector General", base.resolve("/oig")),
				new IdentifierLink("Performance reports", base.resolve("/performance")),
				new IdentifierLink("Privacy policy", base.resolve("/privacy")));
	}

}
