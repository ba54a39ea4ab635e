package org.gazette.migration;

import java.io.InputStream;

import org.gazette.platform.GazetteProperties;
import picocli.CommandLine.Command;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * {@code import-feed FILE}: imports an RSS 2.0 or Atom feed's entries as published
 * stories.
 */
// A new object per use: picocli keeps parsed options in the command's fields.
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "import-feed", mixinStandardHelpOptions = true,
		description = "Imports an RSS 2.0 or Atom feed saved as a file: each entry becomes a published story with its"
				+ " date, and its link redirects to it. Running it again updates what changed and skips the rest.")
class ImportFeedCommand extends SourceImportCommand {

	ImportFeedCommand(Importer importer, GazetteProperties properties) {
		super(importer, properties);
	}

	@Override
	ItemSource open(InputStream in, GazetteProperties properties, int maxText) {
		return new FeedReader(in, maxText);
	}

}
