package org.gazette.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.accounts.Role;
import org.gazette.accounts.SignedInUser;
import org.gazette.content.ArticleFilter;
import org.gazette.content.ArticleListing;
import org.gazette.content.ArticleSort;
import org.gazette.content.ArticleStatus;
import org.gazette.content.Content;
import org.gazette.publishing.ReleaseWork;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The back office's start page: what the person was working on, and what moved. */
@Controller
class DashboardController {

	/** Rows in each of the dashboard's lists; the article list has the rest. */
	static final int ROWS = 5;

	private final Content content;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	private final ReleaseWork releaseWork;

	DashboardController(Content content, AdminChromeFactory chrome, AdminFormats formats, ReleaseWork releaseWork) {
		this.content = content;
		this.chrome = chrome;
		this.formats = formats;
		this.releaseWork = releaseWork;
	}

	@GetMapping("/admin")
	ModelAndView dashboard(HttpServletRequest request) {
		SignedInUser user = AdminChromeFactory.currentUser();
		String me = user.email();
		List<ArticleListing> changed = first(this.content.findArticles(ArticleFilter.ALL).articles());
		List<ArticleListing> published = first(this.content
			.findArticles(new ArticleFilter(null, null, null, null, ArticleStatus.PUBLISHED, ArticleSort.RELEASE, 1))
			.articles());
		return AdminViews.view("admin/dashboard",
				new ArticleListPages.DashboardPage(this.chrome.chrome(request, "Dashboard", "/admin"), this.formats,
						this.content.findDraftsSavedBy(me, ROWS), changed, published, overdueWork(user)));
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
