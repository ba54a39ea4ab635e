package org.gazette.syndication;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gazette.platform.GazetteCommand;
import org.gazette.platform.GazetteProperties;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar gazette.jar export-static DIR [--full] [--links=root|relative|absolute]
 * [--base-url=URL]}: writes the public site as files for a static host; see
 * {@link StaticExport}.
 */
@Component
class ExportStaticCommand implements GazetteCommand {

	static final String USAGE = "Usage: export-static DIR [--full] [--links=root|relative|absolute] [--base-url=URL]";

	private final StaticExport export;

	private final DateTimeFormatter when;

	ExportStaticCommand(StaticExport export, GazetteProperties properties) {
		this.export = export;
		this.when = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a z", Locale.US)
			.withZone(properties.timeZone());
	}

	@Override
	public String name() {
		return "export-static";
	}

	@Override
	public String description() {
		return "Write the public site as files for a static host: " + USAGE.substring("Usage: ".length());
	}

	@Override
	public int run(List<String> arguments) {
		return run(arguments, Map.of());
	}

	@Override
	public int run(List<String> arguments, Map<String, List<String>> options) {
		if (arguments.size() != 1 || arguments.get(0).isBlank()) {
			System.err.println(
					(arguments.isEmpty() ? "Say where to export the site. " : "Give exactly one directory. ") + USAGE);
			return 2;
		}
		ExportOptions defaults = this.export.defaultOptions();
		String linksOption = option(options, "links").orElse(defaults.links().code());
		Optional<LinkStyle> links = LinkStyle.parse(linksOption);
		if (links.isEmpty()) {
			System.err.println("Unknown link style \"" + linksOption + "\": use root, relative or absolute. " + USAGE);
			return 2;
		}
		URI baseUrl = defaults.baseUrl();
		Optional<String> baseOption = option(options, "base-url");
		if (baseOption.isPresent()) {
			try {
				baseUrl = URI.create(baseOption.get());
			}
			catch (IllegalArgumentException ex) {
				baseUrl = null;
			}
			if (baseUrl == null || !baseUrl.isAbsolute()) {
				System.err.println("--base-url must be an absolute address, such as https://www.agency.gov/newsroom");
				return 2;
			}
		}
		Path directory;
		try {
			directory = Path.of(arguments.get(0));
		}
		catch (InvalidPathException ex) {
			System.err.println("Cannot export to " + arguments.get(0) + ": " + ex.getReason() + ".");
			return 2;
		}
		try {
			ExportReport report = this.export.export(directory,
					new ExportOptions(links.get(), baseUrl, options.containsKey("full")));
			System.out.println(summary(directory, links.get(), report));
			return 0;
		}
		catch (ExportException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
	}

	private String summary(Path directory, LinkStyle links, ExportReport report) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.US, "Exported %,d pages and %,d other files to %s (%s) in %.1f s: ",
				report.pages(), report.files() - report.pages(), directory.toAbsolutePath().normalize(),
				report.version(), report.took().toMillis() / 1000.0));
		text.append(String.format(Locale.US, "%,d written, %,d unchanged, %,d removed. Links: %s.", report.written(),
				report.kept(), report.removed(), links.code()));
		Instant next = report.nextRelease();
		text.append("\n")
			.append((next != null)
					? "Next scheduled release: " + this.when.format(next)
							+ ". Export again then, or set gazette.export.automatic to keep the export up to date."
					: "No story is scheduled for release.");
		return text.toString();
	}

	private static Optional<String> option(Map<String, List<String>> options, String name) {
		List<String> values = options.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(values.size() - 1));
	}

}
