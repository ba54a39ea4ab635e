package org.gazette.syndication;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Files that the static export publishes as they are, beside the pages it renders: the
 * site's assets ({@code AssetFiles}) and, once Gazette keeps media, the media library. A
 * bean implementing this is picked up by every export.
 */
public interface StaticFiles {

	/** What these files are, for messages ("assets", "media"). */
	String name();

	/** Every file, each under the public address it is served at. */
	List<StaticFile> files() throws IOException;

	/**
	 * Every file, as {@link #files()} has them, where the source may take what it can
	 * from the previous export instead of reading it again.
	 * @param previous the versions of the previous export's files, by file relative to
	 * its root, when that export was made by the same build of Gazette with the same
	 * options (otherwise empty)
	 */
	default List<StaticFile> files(Map<String, String> previous) throws IOException {
		return files();
	}

	/**
	 * A file to publish.
	 *
	 * @param path its address, such as {@code /media/2026/port.jpg}
	 * @param version a fingerprint of its content known without reading it (such as a
	 * stored hash), so that an incremental export can keep an unchanged file without
	 * reading it; null when the export must read the bytes to tell
	 * @param content opens the bytes
	 */
	record StaticFile(String path, String version, Content content) {

	}

	/** Opens a file's bytes; called at most once per export. */
	@FunctionalInterface
	interface Content {

		InputStream open() throws IOException;

	}

}
