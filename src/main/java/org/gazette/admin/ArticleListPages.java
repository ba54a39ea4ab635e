package org.gazette.admin;

import org.gazette.site.Views;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gazette.content.ArticleList;
import org.gazette.content.ArticleListing;

/** The view records of the dashboard and the article list. */
public final class ArticleListPages {

	private ArticleListPages() {
	}

	/**
	 * A choice in a select.
	 *
	 * @param value what the form sends
	 * @param label what the person reads
	 * @param selected whether it is the current choice
	 */
	public record Option(String value, String label, boolean selected) {
	}

	/**
	 * A sortable column heading.
	 *
	 * @param label the heading
	 * @param url the list sorted by this column
	 * @param ariaSort {@code ascending} or {@code descending} when the list is sorted by
	 * it, else null
	 */
	public record SortHeading(String label, String url, String ariaSort) {

		public boolean current() {
			return this.ariaSort != null;
		}

	}

	/**
	 * Links between pages of the list; each null when there is no such page.
	 */
	public record Pagination(String first, String previous, String next, String last) {
	}

	/**
	 * @param form the search and filters as typed
	 * @param types kinds of story to filter by
	 * @param topics topics to filter by
	 * @param authors authors to filter by
	 * @param statuses statuses to filter by
	 * @param sorts orders to choose
	 * @param sortedBy the current order in words, for the table caption
	 * @param headings the sortable column headings: title, updated, release
	 * @param list this page of results, or null when the filters have problems
	 * @param pagination links to other pages
	 * @param errors field name to message
	 */
	public record ArticleListPage(AdminChrome chrome, AdminFormats formats, ArticleListForm form, List<Option> types,
			List<Option> topics, List<Option> authors, List<Option> statuses, List<Option> sorts, String sortedBy,
			Map<String, SortHeading> headings, ArticleList list, Pagination pagination, Map<String, String> errors) {

		public boolean filtered() {
			return this.form.q() != null || this.form.type() != null || this.form.topic() != null
					|| this.form.author() != null || this.form.status() != null;
		}

		/**
		 * "1 story", "27 stories", or "More than 250 stories" when the count stopped
		 * there.
		 */
		public String storiesFound() {
			if (this.list.moreThanTotal()) {
				return String.format(Locale.ROOT, "More than %,d stories", this.list.total());
			}
			return (this.list.total() == 1) ? "1 story" : String.format(Locale.ROOT, "%,d stories", this.list.total());
		}

		/** "2", or "more than 10" when the count stopped before the last page. */
		public String pagesFound() {
			return String.format(Locale.ROOT, "%s%,d", this.list.moreThanTotal() ? "more than " : "",
					this.list.pages());
		}

	}

	/**
	 * @param myDrafts stories never published whose latest save is this person's
	 * @param recentlyChanged most recently saved stories
	 * @param recentlyPublished most recently released public stories
	 * @param notice a confirmation, or null
	 * @param queues stories waiting for someone, each list with a heading
	 * @param overdueReleaseWork work due at a release that has not finished, for
	 * publishers and admins
	 */
	public record DashboardPage(AdminChrome chrome, AdminFormats formats, List<ArticleListing> myDrafts,
			List<ArticleListing> recentlyChanged, List<ArticleListing> recentlyPublished, String notice,
			List<Queue> queues, ReleaseWorkAlert overdueReleaseWork) {
	}

	/**
	 * Stories waiting for someone.
	 *
	 * @param id the section's id
	 * @param heading what they wait for
	 * @param warning whether the list needs attention before anything else
	 * @param rows the stories, each with a line about it
	 * @param more a link to all of them, or null
	 */
	public record Queue(String id, String heading, boolean warning, List<QueueRow> rows, Views.Link more) {
	}

	/**
	 * @param title the story's working title
	 * @param url its editor page
	 * @param line where it stands: "Scheduled for … (in 3 hours)", "Saved by … on …"
	 */
	public record QueueRow(String title, String url, String line) {
	}

}
