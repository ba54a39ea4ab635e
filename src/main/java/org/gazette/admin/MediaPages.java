package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.admin.ArticleListPages.Option;
import org.gazette.media.FormerFile;
import org.gazette.media.MediaAsset;
import org.gazette.media.MediaUse;

/** The view records of the media library pages. */
public final class MediaPages {

	private MediaPages() {
	}

	/**
	 * The library: search, upload, and a page of items.
	 *
	 * @param query the search words as typed
	 * @param kinds the kind filter's choices
	 * @param items this page of items
	 * @param total how many match
	 * @param previousUrl the page before, or null
	 * @param nextUrl the page after, or null
	 * @param form the upload form's details as typed
	 * @param errors upload problems by field
	 * @param notice a confirmation, or null
	 * @param maxUpload the size limit, as people read it
	 * @param uploadAction where the upload form posts (with its form token: a multipart
	 * body is read only after the token check, so a too-large file still gets a clear
	 * answer)
	 */
	public record LibraryPage(AdminChrome chrome, String query, List<Option> kinds, List<MediaAsset> items, long total,
			String previousUrl, String nextUrl, MediaForm form, Map<String, String> errors, String notice,
			String maxUpload, String uploadAction) {
	}

	/**
	 * One item: its file, its details, where it is used.
	 *
	 * @param asset the item
	 * @param form its details as typed
	 * @param uses where it is used
	 * @param mayEdit whether this person may change its details
	 * @param mayDelete whether this person may delete it
	 * @param notice a confirmation, or null
	 * @param errors problems by field ({@code delete} for a refused delete,
	 * {@code replacement} for a refused new file)
	 * @param formerFiles the files it had before, most recently replaced first
	 * @param replaceAction where the replace form posts (with its form token, as the
	 * upload form)
	 * @param formats dates as the back office shows them
	 */
	public record ItemPage(AdminChrome chrome, MediaAsset asset, MediaForm form, List<MediaUse> uses, boolean mayEdit,
			boolean mayDelete, String notice, Map<String, String> errors, List<FormerFile> formerFiles,
			String replaceAction, AdminFormats formats) {
	}

}
