package org.gazette.migration;

/**
 * Items read one at a time from an import file, so a file of any length is read in
 * bounded memory.
 */
interface ItemSource extends AutoCloseable {

	/**
	 * Who the items come from (a site's or feed's address), known once the file's header
	 * is read: with an item's id it names the item across runs.
	 */
	String source();

	/** What kind of file this is, for messages ("WordPress export", "RSS feed"). */
	String description();

	/** The next item, or null at the end of the file. */
	SourceItem next();

	@Override
	void close();

}
