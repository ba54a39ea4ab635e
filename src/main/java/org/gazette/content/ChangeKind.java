package org.gazette.content;

/** Whether an update to a public story is worth telling readers about. */
public enum ChangeKind {

	/**
	 * A correction or addition readers should know of; shown in the story's public
	 * history.
	 */
	MAJOR,
	/** A silent fix, such as a typo. */
	MINOR;

	String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
