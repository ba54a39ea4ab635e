package org.gazette.migration;

import java.io.InputStream;

import org.gazette.platform.GazetteProperties;
import picocli.CommandLine.Command;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/** {@code import-wxr FILE}: imports a WordPress export (WXR 1.1 or 1.2). */
// A new object per use: picocli keeps parsed options in the command's fields.
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "import-wxr", mixinStandardHelpOptions = true,
		description = "Imports a WordPress export file (WXR 1.1 or 1.2): posts with their authors, categories, tags,"
				+ " dates and statuses, attachments' metadata, and redirects from the old addresses."
				+ " Running it again updates what changed and skips the rest.")
class ImportWxrCommand extends SourceImportCommand {

	ImportWxrCommand(Importer importer, GazetteProperties properties) {
		super(importer, properties);
	}

	@Override
	ItemSource open(InputStream in, GazetteProperties properties, int maxText) {
		return new WxrReader(in, properties.timeZone(), maxText);
	}

}
