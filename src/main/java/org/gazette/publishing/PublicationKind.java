package org.gazette.publishing;

import java.util.Locale;

import org.gazette.content.ChangeKind;

/**
 * What a publication is to readers, so release work can choose what it follows: emails go
 * out on a first release, exports follow every change.
 */
public enum PublicationKind {

	/** The story becomes public for the first time. */
	FIRST_RELEASE,
	/** An update to a public story that readers should know of. */
	MAJOR_UPDATE,
	/** A silent fix to a public story, such as a typo. */
	MINOR_UPDATE,
	/**
	 * A story brought in by an import with a release instant already past (a backdated
	 * archive story): readers have known it for years, so no handler wants it unless it
	 * says so.
	 */
	IMPORT;

	static PublicationKind of(boolean firstRelease, ChangeKind change) {
		if (firstRelease) {
			return FIRST_RELEASE;
		}
		return (change == ChangeKind.MAJOR) ? MAJOR_UPDATE : MINOR_UPDATE;
	}

	/**
	 * As stored: {@code first-release}, {@code major-update}, {@code minor-update},
	 * {@code import}.
	 */
	String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static PublicationKind fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
