package org.gazette.media;

import java.util.List;

/**
 * Tells the library where an item is used, so that it is never deleted from under a page.
 * Modules that show media implement it (stories do, in content); the library asks them
 * all.
 */
public interface MediaUsage {

	/** The places this item is used, none when it is free to delete. */
	List<MediaUse> usesOf(MediaAsset asset);

}
