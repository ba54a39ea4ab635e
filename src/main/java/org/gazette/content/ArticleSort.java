package org.gazette.content;

/** Orders of the admin article list. */
public enum ArticleSort {

	/** Most recently saved first (the default). */
	UPDATED,
	/** By title, A to Z, ignoring case. */
	TITLE,
	/** Latest release first (scheduled stories on top), never-published ones last. */
	RELEASE

}
