package org.gazette.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.admin.ArticleListPages.Option;
import org.gazette.admin.ArticleListPages.Pagination;
import org.gazette.admin.ArticleListPages.SortHeading;
import org.gazette.content.ArticleFilter;
import org.gazette.content.ArticleList;
import org.gazette.content.ArticleSort;
import org.gazette.content.ArticleStatus;
import org.gazette.content.ArticleType;
import org.gazette.content.Content;
import org.gazette.platform.SiteUrls;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/** Every story, searched by title, filtered, sorted and a page at a time. */
@Controller
class ArticleListController {

	static final String SECTION = "/admin/articles";

	private static final Map<ArticleSort, String> SORT_NAMES = Map.of(ArticleSort.UPDATED, "last saved, newest first",
			ArticleSort.TITLE, "title, A to Z", ArticleSort.RELEASE, "release date, latest first");

	private final Content content;

	private final AdminChromeFactory chrome;

	private final AdminFormats formats;

	private final SiteUrls urls;

	ArticleListController(Content content, AdminChromeFactory chrome, AdminFormats formats, SiteUrls urls) {
		this.content = content;
		this.chrome = chrome;
		this.formats = formats;
		this.urls = urls;
	}

	@GetMapping(SECTION)
	ModelAndView list(HttpServletRequest request, @ModelAttribute ArticleListForm typed) {
		ArticleListForm form = typed.kept();
		Map<String, String> errors = new LinkedHashMap<>();
		ArticleFilter filter = typed.toFilter(errors, (id) -> this.content.topic(id).isPresent(),
				(id) -> this.content.author(id).isPresent());
		ArticleList list = errors.isEmpty() ? this.content.findArticles(filter) : null;
		if (list != null && list.page() > list.pages()) {
			errors.put("page", (list.total() == 0) ? "There is no page " + list.page() + ": no story matches."
					: "There is no page " + list.page() + ". The last page is " + list.pages() + ".");
			list = null;
		}
		ArticleListPages.ArticleListPage page = new ArticleListPages.ArticleListPage(
				this.chrome.chrome(request, "Stories", SECTION), this.formats, form, types(form), topics(form),
				authors(form), statuses(form), sorts(form), SORT_NAMES.get(filter.sort()), headings(form, filter), list,
				(list != null) ? pagination(form, list) : new Pagination(null, null, null, null), errors);
		return AdminViews.view("admin/articles", page, errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
	}

	private List<Option> types(ArticleListForm form) {
		return Arrays.stream(ArticleType.values())
			.map((type) -> new Option(type.code(), this.formats.type(type), type.code().equals(form.type())))
			.toList();
	}

	private List<Option> topics(ArticleListForm form) {
		return this.content.topics()
			.stream()
			.map((topic) -> new Option(Long.toString(topic.id()), topic.name(),
					Long.toString(topic.id()).equals(form.topic())))
			.toList();
	}

	private List<Option> authors(ArticleListForm form) {
		return this.content.authors()
			.stream()
			.map((author) -> new Option(Long.toString(author.id()), author.name(),
					Long.toString(author.id()).equals(form.author())))
			.toList();
	}

	private List<Option> statuses(ArticleListForm form) {
		return Arrays.stream(ArticleStatus.values())
			.map((status) -> new Option(code(status), this.formats.status(status), code(status).equals(form.status())))
			.toList();
	}

	private List<Option> sorts(ArticleListForm form) {
		List<Option> options = new ArrayList<>();
		for (ArticleSort sort : ArticleSort.values()) {
			boolean chosen = (form.sort() == null) ? sort == ArticleSort.UPDATED : code(sort).equals(form.sort());
			options.add(new Option(code(sort), "By " + SORT_NAMES.get(sort), chosen));
		}
		return options;
	}

	private Map<String, SortHeading> headings(ArticleListForm form, ArticleFilter filter) {
		Map<String, SortHeading> headings = new LinkedHashMap<>();
		headings.put("title", heading("Title", ArticleSort.TITLE, "ascending", form, filter));
		headings.put("updated", heading("Last saved", ArticleSort.UPDATED, "descending", form, filter));
		headings.put("release", heading("Release date", ArticleSort.RELEASE, "descending", form, filter));
		return headings;
	}

	private SortHeading heading(String label, ArticleSort sort, String direction, ArticleListForm form,
			ArticleFilter filter) {
		return new SortHeading(label, this.urls.withQuery(SECTION, form.parameters(code(sort), 1)),
				(filter.sort() == sort) ? direction : null);
	}

	private Pagination pagination(ArticleListForm form, ArticleList list) {
		int page = list.page();
		int last = list.pages();
		// Past a capped count the last page is not known, so there is no link to it.
		return new Pagination((page > 1) ? link(form, 1) : null, (page > 1) ? link(form, page - 1) : null,
				list.hasNext() ? link(form, page + 1) : null,
				(page < last && !list.moreThanTotal()) ? link(form, last) : null);
	}

	private String link(ArticleListForm form, int page) {
		return this.urls.withQuery(SECTION, form.parameters(null, page));
	}

	private static String code(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

}
