package org.gazette.syndication;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gazette.platform.GazetteProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.stereotype.Component;

/**
 * {@code export-static DIR [--full] [--links=root|relative|absolute] [--base-url=URL]}:
 * writes the public site as files for a static host; see {@link StaticExport}.
 */
@Component
@Command(name = "export-static", mixinStandardHelpOptions = true,
		description = {
				"Write the whole public site as files any static host can serve, byte for byte what the server sends.",
				"Later runs rewrite only what changed; the new export is swapped in at the end.",
				"Exit status: 0 exported, 1 failed (nothing replaced), 2 wrong command line." })
class ExportStaticCommand implements Callable<Integer> {

	private final StaticExport export;

	private final DateTimeFormatter when;

	@Parameters(paramLabel = "DIR", description = "Where to write the site (a link to the newest version).")
	String directory;

	@Option(names = "--full", description = "Rewrite every file, not only what changed.")
	boolean full;

	@Option(names = "--links", paramLabel = "STYLE",
			description = "How pages link to each other: root (/news/...), relative (../news/...) or absolute (https://...). Default: the setting gazette.export.links.")
	String links;

	@Option(names = "--base-url", paramLabel = "URL",
			description = "The public address of the exported site (default: gazette.base-url).")
	String baseUrl;

	ExportStaticCommand(StaticExport export, GazetteProperties properties) {
		this.export = export;
		this.when = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a z", Locale.US)
			.withZone(properties.timeZone());
	}

	@Override
	public Integer call() {
		ExportOptions defaults = this.export.defaultOptions();
		String linksOption = (this.links != null) ? this.links : defaults.links().code();
		Optional<LinkStyle> style = LinkStyle.parse(linksOption);
		if (style.isEmpty()) {
			System.err.println("export-static: unknown link style \"" + linksOption
					+ "\": use root, relative or absolute (see export-static --help).");
			return 2;
		}
		URI base = defaults.baseUrl();
		if (this.baseUrl != null) {
			try {
				base = URI.create(this.baseUrl);
			}
			catch (IllegalArgumentException ex) {
				base = null;
			}
			if (base == null || !base.isAbsolute()) {
				System.err.println(
						"export-static: --base-url must be an absolute address, such as https://www.agency.gov/newsroom");
				return 2;
			}
		}
		Path target;
		try {
			target = Path.of(this.directory);
		}
		catch (InvalidPathException ex) {
			System.err.println("export-static: cannot export to " + this.directory + ": " + ex.getReason() + ".");
			return 2;
		}
		try {
			ExportReport report = this.export.export(target, new ExportOptions(style.get(), base, this.full));
			System.out.println(summary(target, style.get(), report));
			return 0;
		}
		catch (ExportException ex) {
			System.err.println("export-static: " + ex.getMessage());
			return 1;
		}
	}

	private String summary(Path directory, LinkStyle links, ExportReport report) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.US, "Exported %,d pages and %,d other files to %s (%s) in %.1f s: ",
				report.pages(), report.files() - report.pages(), directory.toAbsolutePath().normalize(),
				report.version(), report.took().toMillis() / 1000.0));
		text.append(String.format(Locale.US,
				"%,d written, %,d unchanged, %,d removed; %,d pages rendered, %,d feeds made. Links: %s.",
				report.written(), report.kept(), report.removed(), report.rendered(), report.feedsMade(),
				links.code()));
		Instant next = report.nextRelease();
		text.append("\n")
			.append((next != null)
					? "Next scheduled release: " + this.when.format(next)
							+ ". Export again then, or set gazette.export.automatic to keep the export up to date."
					: "No story is scheduled for release.");
		return text.toString();
	}

}
