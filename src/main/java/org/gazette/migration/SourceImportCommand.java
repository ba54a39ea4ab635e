package org.gazette.migration;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gazette.content.ArticleType;
import org.gazette.platform.GazetteProperties;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the import commands share: the file, the options, the run with its progress and
 * summary, and exit codes scripts can rely on (0 done, 1 the import failed, 2 the command
 * was used wrongly), each error in one line.
 */
abstract class SourceImportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
	Path file;

	@Option(names = "--dry-run", description = "Report what the import would do, and write nothing.")
	boolean dryRun;

	@Option(names = "--default-type", paramLabel = "TYPE", defaultValue = "news-release",
			description = "The kind of story for items no category maps: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
			completionCandidates = TypeCodes.class)
	String defaultType;

	@Option(names = "--type-for", paramLabel = "CATEGORY=TYPE",
			description = "The kind of story for items in a category, as in --type-for \"Press releases=news-release\";"
					+ " repeatable. A category named like a kind (\"Statements\") maps to it without this.")
	Map<String, String> typeFor = new LinkedHashMap<>();

	@Option(names = "--default-author", paramLabel = "NAME",
			description = "The byline for items that name no author (default: the agency's name).")
	String defaultAuthor;

	@Option(names = "--source", paramLabel = "ID",
			description = "Who the items come from, to tell them apart from other sources' on later runs"
					+ " (default: the site or feed address in the file).")
	String source;

	@Option(names = "--by", paramLabel = "WHO", defaultValue = "import",
			description = "Who imports, as revisions, history and the audit log record it (default: ${DEFAULT-VALUE}).")
	String by;

	@Option(names = "--overwrite-edited",
			description = "Update stories edited in Gazette since their import (by default they are skipped).")
	boolean overwriteEdited;

	@Option(names = "--batch-size", paramLabel = "N", defaultValue = "200",
			description = "Items written per transaction (default: ${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "0",
			description = "Stop after N items (default: no limit); run again to go on.")
	long limit;

	@Option(names = "--max-field-size", paramLabel = "CHARS", defaultValue = "4000000",
			description = "The longest text of one field in the file (default: ${DEFAULT-VALUE}); larger stops the import.")
	int maxFieldSize;

	private final Importer importer;

	private final GazetteProperties properties;

	SourceImportCommand(Importer importer, GazetteProperties properties) {
		this.importer = importer;
		this.properties = properties;
	}

	/** Opens the file as this command reads it. */
	abstract ItemSource open(InputStream in, GazetteProperties properties, int maxText);

	@Override
	public Integer call() {
		CommandLine command = this.spec.commandLine();
		ImportOptions options = options(command);
		if (!Files.isRegularFile(this.file) || !Files.isReadable(this.file)) {
			throw new CommandLine.ParameterException(command,
					"Cannot read " + this.file + ": give the path of an export file.");
		}
		try (CountingStream in = new CountingStream(Files.newInputStream(this.file));
				ItemSource items = open(new BufferedInputStream(in, 1 << 16), this.properties, this.maxFieldSize)) {
			Progress progress = new Progress(command.getOut(), System.console() != null, in::count,
					Files.size(this.file));
			command.getOut()
				.println("Importing " + items.description() + " from " + this.file + (this.dryRun ? " (dry run)" : "")
						+ ".");
			this.importer.run(items, options, progress);
			return 0;
		}
		catch (ImportFailedException ex) {
			command.getErr().println(command.getCommandName() + ": " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			command.getErr().println(command.getCommandName() + ": cannot read " + this.file + ": " + ex.getMessage());
			return 1;
		}
	}

	private ImportOptions options(CommandLine command) {
		if (this.batchSize < 1 || this.batchSize > 10_000) {
			throw new CommandLine.ParameterException(command, "--batch-size must be between 1 and 10000.");
		}
		if (this.limit < 0 || this.maxFieldSize < 1) {
			throw new CommandLine.ParameterException(command, "--limit and --max-field-size must be positive.");
		}
		if (this.by == null || this.by.isBlank() || this.by.length() > 200) {
			throw new CommandLine.ParameterException(command,
					"--by must name who imports, in 200 characters or fewer.");
		}
		Map<String, ArticleType> types = new LinkedHashMap<>();
		this.typeFor.forEach((category, code) -> types.put(category.strip(), type(command, code)));
		String author = (this.defaultAuthor != null && !this.defaultAuthor.isBlank()) ? this.defaultAuthor.strip()
				: this.properties.agencyName();
		return new ImportOptions(this.source, type(command, this.defaultType), types, author, this.by.strip(),
				this.batchSize, this.limit, this.dryRun, this.overwriteEdited, this.maxFieldSize);
	}

	private static ArticleType type(CommandLine command, String code) {
		return ArticleType.fromCode(code.strip())
			.orElseThrow(() -> new CommandLine.ParameterException(command,
					"Unknown story type '" + code + "': use one of " + new TypeCodes().toString() + "."));
	}

	/** The story types' codes, for help and messages. */
	static final class TypeCodes extends java.util.ArrayList<String> {

		TypeCodes() {
			super(Arrays.stream(ArticleType.values()).map(ArticleType::code).toList());
		}

		@Override
		public String toString() {
			return stream().collect(Collectors.joining(", "));
		}

	}

}
