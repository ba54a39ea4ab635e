package org.gazette.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gazette.admin.ArticleListPages.Option;
import org.gazette.content.ArticleFilter;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.platform.SiteUrls;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** Editors list, create and edit byline profiles, and merge duplicates. */
@Controller
@RequestMapping(AuthorsController.SECTION)
class AuthorsController extends ProfileController<Author, AuthorForm> {

	static final String SECTION = "/admin/authors";

	private final SiteUrls urls;

	AuthorsController(Content content, AuditedChanges changes, AdminChromeFactory chrome, SiteUrls urls) {
		super(content, changes, chrome, SECTION, "author");
		this.urls = urls;
	}

	@Override
	List<Author> all() {
		return this.content.authors();
	}

	@Override
	Optional<Author> find(long id) {
		return this.content.author(id);
	}

	@Override
	Author create(AuthorForm form, String by, String address) {
		return this.changes.createAuthor(form.toNewAuthor(true), by, address);
	}

	@Override
	Author update(long id, AuthorForm form, String by, String address) {
		return this.changes.updateAuthor(id, form.toNewAuthor(false), by, address);
	}

	@Override
	Author merge(long duplicateId, long survivorId, String by, String address) {
		return this.changes.mergeAuthor(duplicateId, survivorId, by, address);
	}

	@Override
	AuthorForm empty() {
		return AuthorForm.EMPTY;
	}

	@Override
	AuthorForm formOf(Author author) {
		return AuthorForm.of(author);
	}

	@Override
	AuthorForm kept(AuthorForm form) {
		return form.kept();
	}

	@Override
	String publicUrl(Author author) {
		return this.urls.author(author.slug());
	}

	@Override
	ArticleFilter storiesOf(long id) {
		return new ArticleFilter(null, null, null, id, null, null, 1);
	}

	@Override
	ModelAndView listPage(AdminChrome chrome, List<Author> authors) {
		return AdminViews.view("admin/authors", new ProfilePages.AuthorsPage(chrome, authors, null));
	}

	@Override
	ModelAndView formPage(AdminChrome chrome, Long id, AuthorForm form, String publicUrl, String mergedInto,
			List<Option> candidates, String notice, Map<String, String> errors) {
		return AdminViews.view("admin/author",
				new ProfilePages.AuthorPage(chrome, id, form, publicUrl, mergedInto, candidates, notice, errors));
	}

}
