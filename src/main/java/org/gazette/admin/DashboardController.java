package org.gazette.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.content.ArticleFilter;
import org.gazette.content.ArticleListing;
import org.gazette.content.ArticleSort;
import org.gazette.content.ArticleStatus;
import org.gazette.content.Content;
import org.gazette.publishing.EditorialState;
import org.gazette.publishing.QueuedStory;
import org.gazette.publishing.Workflow;
import org.gazette.site.Views;
import org.gazette.publishing.ReleaseWork;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The back office's start page: what the person was working on, and what moved. */
@Controller
class DashboardController {

	/** Rows in each of the dashboard's lists; the article list has the rest. */
	static final int ROWS = 5;

	private final Content content;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	private final Workflow workflow;

	private final StandingWords words;

	private final Clock clock;

	private final ReleaseWork releaseWork;

	DashboardController(Content content, AdminChromeFactory chrome, AdminFormats formats, Workflow workflow,
			StandingWords words, Clock clock, ReleaseWork releaseWork) {
		this.content = content;
		this.chrome = chrome;
		this.formats = formats;
		this.workflow = workflow;
		this.words = words;
		this.clock = clock;
		this.releaseWork = releaseWork;
	}

	@GetMapping("/admin")
	ModelAndView dashboard(HttpServletRequest request, @RequestParam(required = false) String submitted,
			@RequestParam(required = false) String retried) {
		SignedInUser user = AdminChromeFactory.currentUser();
		String me = user.email();
		List<ArticleListing> changed = first(this.content.findArticles(ArticleFilter.ALL).articles());
		List<ArticleListing> published = first(this.content
			.findArticles(new ArticleFilter(null, null, null, null, ArticleStatus.PUBLISHED, ArticleSort.RELEASE, 1))
			.articles());
		return AdminViews.view("admin/dashboard",
				new ArticleListPages.DashboardPage(this.chrome.chrome(request, "Dashboard", "/admin"), this.formats,
						this.content.findDraftsSavedBy(me, ROWS), changed, published, notice(submitted, retried),
						queues(user), overdueWork(user)));
	}

	private static String notice(String submitted, String retried) {
		if (submitted != null) {
			return "Submitted for review. Editors see it on their dashboard; you can edit it again if they send "
					+ "it back.";
		}
		return (retried != null) ? "Gazette will try the release work again in a moment." : null;
	}

	/**
	 * What waits for this person, the most pressing first; lists with nothing in them are
	 * left out.
	 */
	private List<ArticleListPages.Queue> queues(SignedInUser user) {
		List<ArticleListPages.Queue> queues = new ArrayList<>();
		if (user.can(Role.EDITOR)) {
			queue(queues, "second-approval", "Published without a second approval", true,
					this.workflow.awaitingSecondApproval(ROWS), this::saved, null);
			queue(queues, "in-review", "Waiting for review", false,
					this.workflow.inState(EditorialState.IN_REVIEW, ROWS), this::saved, null);
		}
		if (user.can(Role.PUBLISHER)) {
			queue(queues, "approved", "Approved, ready to publish", false,
					this.workflow.inState(EditorialState.APPROVED, ROWS), this::saved, null);
		}
		queue(queues, "scheduled", "Scheduled", false, this.workflow.scheduled(ROWS),
				(story) -> "Scheduled for " + this.words.when(story.releaseAt()) + " ("
						+ StandingWords.relative(story.releaseAt(), this.clock.instant()) + ")",
				new Views.Link("All scheduled stories", "/admin/articles?status=scheduled&sort=release"));
		return queues;
	}

	private String saved(QueuedStory story) {
		return "Saved by " + story.updatedBy() + " on " + this.formats.dateTime(story.updatedAt());
	}

	private static void queue(List<ArticleListPages.Queue> queues, String id, String heading, boolean warning,
			List<QueuedStory> stories, java.util.function.Function<QueuedStory, String> line, Views.Link more) {
		if (stories.isEmpty()) {
			return;
		}
		queues.add(new ArticleListPages.Queue(id, heading, warning,
				stories.stream()
					.map((story) -> new ArticleListPages.QueueRow(story.title(),
							"/admin/articles/" + story.articleId() + "/edit", line.apply(story)))
					.toList(),
				more));
	}

	/** Publishers and admins answer for releases, so they see work that is late. */
	private ReleaseWorkAlert overdueWork(SignedInUser user) {
		return user.can(Role.PUBLISHER) ? ReleaseWorkAlert.of(this.releaseWork.overdue(), this.formats)
				: ReleaseWorkAlert.NONE;
	}

	private static List<ArticleListing> first(List<ArticleListing> rows) {
		return rows.subList(0, Math.min(ROWS, rows.size()));
	}

}
