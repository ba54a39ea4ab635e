package org.gazette.migration;

import java.util.List;

/**
 * One table of the export format: its records' {@code type} is the table's name, their
 * fields its columns.
 *
 * @param name the table, and the record type
 * @param orderBy the columns that give the records a stable order
 * @param later columns that point at records written after this one (an article's
 * revisions, an author merged into a later author): imported as null, then set once every
 * record is in
 * @param identity whether {@code id} is generated, so its counter must move past the
 * imported ids
 */
record SiteTable(String name, String orderBy, List<String> later, boolean identity) {

	/** Version of the format this Gazette writes and the newest it reads. */
	static final int FORMAT_VERSION = 1;

	/** The header's record type. */
	static final String HEADER = "gazette-export";

	/** The last record's type; it counts the records, so a cut file is noticed. */
	static final String END = "end";

	/**
	 * Everything that makes the public site and its history, in an order where every
	 * reference points back (except {@link #later}). Accounts, sessions, second factors,
	 * the audit log, preview links and change events are not part of it: see
	 * docs/export-format.md.
	 */
	static final List<SiteTable> ALL = List.of(table("author", "merged_into_id"), table("topic", "merged_into_id"),
			new SiteTable("author_former_slug", "slug", List.of(), false),
			new SiteTable("topic_former_slug", "slug", List.of(), false), table("media_asset"),
			table("article", "working_revision_id", "published_revision_id"), table("revision_body"), table("revision"),
			new SiteTable("revision_author", "revision_id, position", List.of(), false),
			new SiteTable("revision_topic", "revision_id, topic_id", List.of(), false), table("publication"),
			table("release_task"), table("workflow_event"), table("takedown"), table("article_slug_history"),
			table("redirect"));

	private static SiteTable table(String name, String... later) {
		return new SiteTable(name, "id", List.of(later), true);
	}

	static SiteTable named(String type) {
		return ALL.stream().filter((table) -> table.name().equals(type)).findFirst().orElse(null);
	}

}
