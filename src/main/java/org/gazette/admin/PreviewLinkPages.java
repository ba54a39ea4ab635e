package org.gazette.admin;

import java.util.List;
import java.util.Map;

import org.gazette.publishing.PreviewLink;

/** The view record of a story's preview links page. */
public final class PreviewLinkPages {

	private PreviewLinkPages() {
	}

	/**
	 * @param chrome layout
	 * @param formats dates as the back office shows them
	 * @param articleId the story
	 * @param title its working title
	 * @param workingRevision the number of the revision a new link would show
	 * @param links the story's links, newest first
	 * @param lifetimes how long a new link may work, the default chosen
	 * @param created the link just made, shown once with its address; or null
	 * @param notice a confirmation, or null
	 * @param errors field name to message
	 */
	public record PreviewLinksPage(AdminChrome chrome, AdminFormats formats, long articleId, String title,
			int workingRevision, List<Row> links, List<EditorPages.Choice> lifetimes, Created created, String notice,
			Map<String, String> errors) {

		public boolean hasError(String field) {
			return this.errors.containsKey(field);
		}

	}

	/**
	 * A link just made.
	 *
	 * @param link the link
	 * @param url its full address, with the token: shown on this page only
	 */
	public record Created(PreviewLink link, String url) {

		@Override
		public String toString() {
			// Keeps the token out of logs and error messages.
			return "Created[link=" + this.link + "]";
		}

	}

	/**
	 * One link in the list.
	 *
	 * @param link the link
	 * @param status "Works", "Expired" or "Revoked"
	 * @param active whether it still opens the preview
	 * @param mayRevoke whether this person may revoke it now
	 */
	public record Row(PreviewLink link, String status, boolean active, boolean mayRevoke) {
	}

}
