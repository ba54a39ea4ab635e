package org.gazette.syndication;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Static export settings, bound from {@code gazette.export.*}.
 *
 * @param directory where this node keeps the export up to date when {@code automatic} is
 * on; a link to the current export is made there
 * @param automatic export again after every change readers can see and at each scheduled
 * release
 * @param links how exported pages link: {@code root} (as the server, byte for byte),
 * {@code relative} (works from any directory and from disk) or {@code absolute} (on
 * {@code base-url})
 * @param baseUrl the base of absolute links; the site's {@code gazette.base-url} when
 * empty
 * @param threads pages rendered at once; the number of processors when 0
 * @param checkInterval how often the automatic export looks for changes and releases
 */
@Validated
@ConfigurationProperties("gazette.export")
record ExportProperties(Path directory, @DefaultValue("false") boolean automatic, @DefaultValue("root") LinkStyle links,
		URI baseUrl, @DefaultValue("0") @Min(0) int threads, @DefaultValue("1s") Duration checkInterval) {

	ExportProperties {
		if (automatic && directory == null) {
			throw new IllegalArgumentException(
					"gazette.export.automatic needs gazette.export.directory: where to keep the export");
		}
		if (baseUrl != null && !baseUrl.isAbsolute()) {
			throw new IllegalArgumentException(
					"gazette.export.base-url must be an absolute address, such as https://www.agency.gov/newsroom");
		}
	}

	int threadCount() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
