package org.gazette.migration;

import java.util.Map;

import org.gazette.content.ArticleType;

/**
 * How to import a file.
 *
 * @param source who the items come from, overriding what the file says (null: the file's
 * site or feed address)
 * @param defaultType the kind of story when no category names one
 * @param typesByCategory kinds of story by category name (any case)
 * @param defaultAuthor the byline for items that name nobody
 * @param by who imports, for revisions, history and the audit log
 * @param batchSize items per transaction
 * @param limit stop after this many items (0: no limit)
 * @param dryRun report what would happen, write nothing
 * @param overwriteEdited update stories edited in Gazette since their import
 * @param maxText the longest text of one field in the file, in characters
 */
record ImportOptions(String source, ArticleType defaultType, Map<String, ArticleType> typesByCategory,
		String defaultAuthor, String by, int batchSize, long limit, boolean dryRun, boolean overwriteEdited,
		int maxText) {

	/** Defaults for tests and the commands' own defaults. */
	static ImportOptions defaults(String defaultAuthor) {
		return new ImportOptions(null, ArticleType.NEWS_RELEASE, Map.of(), defaultAuthor, "import", 200, 0, false,
				false, 4_000_000);
	}

}
