package org.gazette.migration;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.stereotype.Component;

/** {@code import FILE [--media DIR]}: restores a site from Gazette's own format. */
@Component
@Command(name = "import", mixinStandardHelpOptions = true, description = {
		"Restore a site written by 'export' into an EMPTY database, ids, dates and history included.",
		"All or nothing: the first bad line stops the import, says its number, and leaves the database as it was.",
		"Exit status: 0 imported, 1 refused or failed (nothing imported), 2 wrong command line." })
class ImportCommand implements Callable<Integer> {

	private final SiteImport imports;

	@Parameters(paramLabel = "FILE", description = "A file written by 'gazette export'.")
	Path file;

	@Option(names = "--media", paramLabel = "DIR",
			description = "The media files written by 'export --with-media DIR', copied into the media directory.")
	Path mediaDirectory;

	ImportCommand(SiteImport imports) {
		this.imports = imports;
	}

	@Override
	public Integer call() {
		try {
			PrintWriter out = new PrintWriter(System.out, true);
			SiteImport.Summary summary = this.imports.importFile(this.file, this.mediaDirectory, out);
			System.out.println("Imported " + this.file + ": " + summary.records()
					+ ((this.mediaDirectory != null) ? "; " + summary.mediaFiles() + " media files" : "") + ".");
			return 0;
		}
		catch (ImportException ex) {
			System.err.println("import: " + ex.getMessage());
			return 1;
		}
	}

}
