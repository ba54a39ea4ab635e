package org.gazette.content;

/**
 * What authors and topics have in common: a named public page that stories are filed
 * under, edited in the back office, and merged into another when it turns out to be a
 * duplicate.
 */
public interface Profile {

	/** Database id. */
	long id();

	/** Address of its public page. */
	String slug();

	/** Name as readers see it. */
	String name();

	/** The profile this duplicate was merged into, or null for one in use. */
	Long mergedIntoId();

	/**
	 * Whether this profile was merged into another and only lives on in old revisions.
	 */
	default boolean merged() {
		return mergedIntoId() != null;
	}

}
