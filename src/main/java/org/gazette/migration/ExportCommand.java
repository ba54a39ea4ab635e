package org.gazette.migration;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.stereotype.Component;

/** {@code export FILE [--with-media DIR]}: the site in Gazette's own format. */
@Component
@Command(name = "export", mixinStandardHelpOptions = true,
		description = { "Write the whole site, every revision and its history, to FILE in Gazette's export format.",
				"Stories with every revision, publications, workflow history, authors, topics, redirects,",
				"former addresses, takedowns and media details, one JSON record a line (docs/export-format.md).",
				"'import' restores it into an empty database.",
				"Exit status: 0 written, 1 failed (FILE left as it was), 2 wrong command line." })
class ExportCommand implements Callable<Integer> {

	private final SiteExport export;

	@Parameters(paramLabel = "FILE", description = "The file to write, such as newsroom.jsonl (replaced if it exists).")
	Path file;

	@Option(names = "--with-media", paramLabel = "DIR",
			description = "Also copy the media files (images, documents) to DIR, for 'import --media DIR'.")
	Path mediaDirectory;

	ExportCommand(SiteExport export) {
		this.export = export;
	}

	@Override
	public Integer call() {
		Path parent = this.file.toAbsolutePath().getParent();
		if (Files.isDirectory(this.file) || parent == null || !Files.isDirectory(parent)) {
			System.err.println("export: cannot write " + this.file + ": give a file name in an existing directory.");
			return 1;
		}
		try {
			SiteExport.Summary summary = this.export.export(this.file, this.mediaDirectory,
					new PrintWriter(System.out, true));
			System.out.println(
					"Exported " + summary.total() + " records to " + this.file + ": " + summary.records()
							+ ((this.mediaDirectory != null)
									? "; " + summary.mediaFiles() + " media files to " + this.mediaDirectory : "")
							+ ".");
			return 0;
		}
		catch (IOException ex) {
			System.err.println("export: cannot write " + ex.getMessage() + "; check the path and free space.");
			return 1;
		}
	}

}
