package org.gazette.site;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Resolved;
import org.gazette.content.Topic;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Departure;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.ReleaseSpan;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryList;
import org.gazette.publishing.StoryQuery;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Builds the public pages' records from what the newsroom makes public. */
@Component
class NewsroomPages {

	static final int PAGE_SIZE = 20;

	static final int HOME_STORIES = 10;

	private final Newsroom newsroom;

	private final Content content;

	private final ChromeFactory chrome;

	private final Formats formats;

	private final Messages messages;

	private final SiteUrls urls;

	private final JsonLd jsonLd;

	private final StoryMedia media;

	NewsroomPages(Newsroom newsroom, Content content, ChromeFactory chrome, Formats formats, Messages messages,
			SiteUrls urls, JsonLd jsonLd, StoryMedia media) {
		this.jsonLd = jsonLd;
		this.media = media;
		this.newsroom = newsroom;
		this.content = content;
		this.chrome = chrome;
		this.formats = formats;
		this.messages = messages;
		this.urls = urls;
	}

	Pages.HomePage home() {
		return new Pages.HomePage(this.chrome.chrome(null, this.messages.text("home.description"), this.urls.home(),
				this.urls.home(), PageMeta.website(allFeeds())), cards(this.newsroom.latest(HOME_STORIES)),
				this.urls.news());
	}

	Pages.ListingPage news(ListingParameters parameters) {
		Topic topic = (parameters.topicSlug() != null) ? this.content.topicBySlug(parameters.topicSlug())
			.orElseThrow(() -> new BadRequestException("There is no topic with that name.")) : null;
		return news(parameters, topic, this.newsroom.list(newsQuery(parameters, topic), parameters.page(), PAGE_SIZE));
	}

	/** The stories a news listing shows. */
	StoryQuery newsQuery(ListingParameters parameters, Topic topic) {
		return new StoryQuery(parameters.type(), (topic != null) ? topic.id() : null, null,
				yearStart(parameters.year()), yearStart((parameters.year() != null) ? parameters.year() + 1 : null));
	}

	/** A news listing's page, from stories already read. */
	Pages.ListingPage news(ListingParameters parameters, Topic topic, StoryList list) {
		return news(parameters, topic, list, filterChoices());
	}

	/**
	 * What the news filters offer: every topic, and the years from the oldest public
	 * story to the newest.
	 */
	FilterChoices filterChoices() {
		return new FilterChoices(this.content.topics(), this.newsroom.releaseSpan());
	}

	/**
	 * A news listing's page, from stories and filter choices already read: the static
	 * export reads the choices once for its thousand news pages (reading the span of
	 * release dates, a scan of every story, for each page was half of a full export).
	 */
	Pages.ListingPage news(ListingParameters parameters, Topic topic, StoryList list, FilterChoices choices) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("type", (parameters.type() != null) ? parameters.type().code() : null);
		filters.put("topic", parameters.topicSlug());
		filters.put("year", (parameters.year() != null) ? parameters.year().toString() : null);
		String heading = newsHeading(parameters.type(), topic, parameters.year());
		String path = this.urls.news(withPage(filters, parameters.page()));
		boolean filtered = filters.values().stream().anyMatch((value) -> value != null);
		String current = (parameters.type() != null && topic == null && parameters.year() == null)
				? this.urls.news(Map.of("type", parameters.type().code())) : filtered ? null : this.urls.news();
		return listing(
				this.chrome.chrome(pageTitle(heading, parameters.page()), this.messages.text("news.description"), path,
						current, PageMeta.website(newsFeeds(parameters.type(), topic))),
				heading, "", false, list, this.messages.text(filtered ? "news.empty.filtered" : "news.empty"),
				filters(parameters, filters, choices), (page) -> this.urls.news(withPage(filters, page)),
				new SubscriptionViews.SubscribeButton(this.messages.text("subscribe.link.all"), this.urls.subscribe(),
						null));
	}

	/**
	 * @throws NotFoundException when no author ever had this address
	 * @throws NewsroomController.ProfileMovedException when the author was merged into
	 * another or its slug changed
	 */
	Pages.ListingPage author(String slug, int page) {
		Resolved<Author> found = this.content.resolveAuthor(slug).orElseThrow(NotFoundException::new);
		if (found.moved()) {
			throw new NewsroomController.ProfileMovedException(this.urls.author(found.value().slug(), page));
		}
		Author author = found.value();
		return author(slug, author, this.newsroom.list(StoryQuery.byAuthor(author.id()), page, PAGE_SIZE));
	}

	/** An author's listing page at this address, from stories already read. */
	Pages.ListingPage author(String slug, Author author, StoryList list) {
		String heading = author.name();
		String intro = (author.jobTitle().isBlank() ? ""
				: "<p class=\"usa-intro\">" + HtmlUtils.htmlEscape(author.jobTitle()) + "</p>") + author.bioHtml();
		IntFunction<String> pageUrl = (n) -> this.urls.author(slug, n);
		return listing(
				this.chrome.chrome(pageTitle(heading, list.page()),
						this.messages.text("author.description", author.name()), pageUrl.apply(list.page()), null,
						PageMeta.website(feeds(this.urls.authorFeed(slug, "rss"), this.urls.authorFeed(slug, "atom"),
								this.messages.text("feed.author.title", author.name(), this.chrome.siteName())))),
				heading, intro, true, list, this.messages.text("author.empty"), null, pageUrl,
				new SubscriptionViews.SubscribeButton(this.messages.text("subscribe.link.all"), this.urls.subscribe(),
						null));
	}

	/** As {@link #author(String, int)}, for topics. */
	Pages.ListingPage topic(String slug, int page) {
		Resolved<Topic> found = this.content.resolveTopic(slug).orElseThrow(NotFoundException::new);
		if (found.moved()) {
			throw new NewsroomController.ProfileMovedException(this.urls.topic(found.value().slug(), page));
		}
		Topic topic = found.value();
		return topic(slug, topic, this.newsroom.list(StoryQuery.byTopic(topic.id()), page, PAGE_SIZE));
	}

	/** A topic's listing page at this address, from stories already read. */
	Pages.ListingPage topic(String slug, Topic topic, StoryList list) {
		IntFunction<String> pageUrl = (n) -> this.urls.topic(slug, n);
		String description = topic.description().isBlank() ? this.messages.text("topic.description", topic.name())
				: topic.description();
		PageMeta meta = PageMeta.website(feeds(this.urls.topicFeed(slug, "rss"), this.urls.topicFeed(slug, "atom"),
				this.messages.text("feed.topic.title", topic.name(), this.chrome.siteName())));
		return listing(
				this.chrome.chrome(pageTitle(topic.name(), list.page()), description, pageUrl.apply(list.page()), null,
						meta),
				topic.name(), topic.description(), false, list, this.messages.text("topic.empty"), null, pageUrl,
				new SubscriptionViews.SubscribeButton(this.messages.text("subscribe.link"), this.urls.subscribe(),
						topic.slug()));
	}

	/**
	 * A public story's page, or a withdrawn story's under its notice.
	 * @throws NotFoundException when no reader ever saw a story at this address
	 * @throws DepartedException when the story moved or was taken down otherwise
	 */
	Pages.StoryPage story(String slug) {
		PublicStory story = this.newsroom.story(slug).orElse(null);
		if (story != null) {
			return storyPage(story, null);
		}
		Departure departure = this.newsroom.departure(slug).orElseThrow(NotFoundException::new);
		if (departure instanceof Departure.Withdrawn withdrawn) {
			return storyPage(withdrawn.story(), withdrawn);
		}
		throw new DepartedException(departure);
	}

	/** A withdrawn story's page under its notice, for the static export. */
	Pages.StoryPage withdrawn(Departure.Withdrawn withdrawn) {
		return storyPage(withdrawn.story(), withdrawn);
	}

	/**
	 * The page a static host serves where the server answers 301: it sends the browser on
	 * at once and tells search engines where the story lives now.
	 * @param target a site path or an http(s) address
	 */
	Pages.MovedPage moved(String target) {
		return moved(target, this.messages.text("moved.heading"));
	}

	/**
	 * The same for an address a redirect sends on (an old page of the agency's former
	 * site, say), which need not have been a story.
	 */
	Pages.MovedPage movedPage(String target) {
		return moved(target, this.messages.text("moved.page.heading"));
	}

	private Pages.MovedPage moved(String target, String heading) {
		String canonical = target.startsWith("/") ? this.urls.absolute(target) : target;
		return new Pages.MovedPage(this.chrome.chrome(heading, null, null, null), heading, target, canonical);
	}

	/** A public story's page, for the static export, which has the story already. */
	Pages.StoryPage story(PublicStory story) {
		return storyPage(story, null);
	}

	private Pages.StoryPage storyPage(PublicStory story, Departure.Withdrawn withdrawn) {
		Instant updated = story.lastMajorUpdate();
		Views.HeroImage hero = this.media.hero(story.heroMediaId());
		String image = (hero != null) ? this.urls.absolute(hero.largest()) : null;
		// A withdrawn story stays readable at its address but is no longer news: out of
		// search engines, without structured data.
		PageMeta meta = (withdrawn == null)
				? new PageMeta("article", allFeeds(), this.jsonLd.newsArticle(story, image), image, null)
				: new PageMeta("article", allFeeds(), null, image, "noindex");
		return new Pages.StoryPage(
				this.chrome.chrome(story.title(), story.summary(), this.urls.story(story.slug()), null, meta),
				story.title(), this.formats.typeName(story.type()), this.formats.date(story.releaseAt()),
				this.formats.isoDate(story.releaseAt()), (updated != null) ? this.formats.date(updated) : null,
				(updated != null) ? this.formats.isoDate(updated) : null, this.formats.bylines(story.bylines()),
				withDateline(story),
				story.topics().stream().map((t) -> new Views.Link(t.name(), this.urls.topic(t.slug()))).toList(),
				story.updates()
					.stream()
					.map((update) -> new Views.UpdateView(this.formats.date(update.at()),
							this.formats.isoDate(update.at()), update.note()))
					.toList(),
				(withdrawn != null) ? new Views.Withdrawal(this.formats.date(withdrawn.withdrawnAt()),
						this.formats.isoDate(withdrawn.withdrawnAt()), withdrawn.reason()) : null,
				hero, this.media.documents(story.documentIds()));
	}

	/** The page of a story taken down as published in error. */
	Pages.GonePage gone(Departure.Gone gone) {
		String heading = this.messages.text("gone.heading");
		// Out of search engines also where a static host serves it with 200 rather than
		// 410.
		PageMeta meta = new PageMeta("website", List.of(), null, null, "noindex");
		return new Pages.GonePage(this.chrome.chrome(heading, heading, null, null, meta), heading, gone.explanation(),
				this.formats.date(gone.releasedAt()), this.formats.isoDate(gone.releasedAt()),
				this.formats.date(gone.removedAt()), this.formats.isoDate(gone.removedAt()));
	}

	Pages.ErrorPage error(int status, String message) {
		String heading = this.messages.text("error." + status + ".heading");
		return new Pages.ErrorPage(this.chrome.chrome(heading, heading, null, null), heading,
				(message != null) ? message : this.messages.text("error." + status + ".message"));
	}

	private Pages.ListingPage listing(Chrome chrome, String heading, String intro, boolean introIsHtml, StoryList list,
			String emptyMessage, Pages.Filters filters, IntFunction<String> pageUrl,
			SubscriptionViews.SubscribeButton subscribe) {
		if (list.page() > list.pageCount()) {
			emptyMessage = this.messages.text("listing.past-end", list.pageCount());
		}
		String summary = list.stories().isEmpty() ? ""
				: this.messages.text("listing.showing", (list.page() - 1) * list.pageSize() + 1,
						(list.page() - 1) * list.pageSize() + list.stories().size(), list.total());
		return new Pages.ListingPage(chrome, heading, intro, introIsHtml, summary, cards(list.stories()), emptyMessage,
				filters, Paginations.of(list.page(), list.pageCount(), pageUrl), subscribe);
	}

	private List<Views.Feed> allFeeds() {
		return feeds(this.urls.feed("rss"), this.urls.feed("atom"),
				this.messages.text("feed.all.title", this.chrome.siteName()));
	}

	/** The listing's feed: of its kind or topic when it shows only one, else of all. */
	private List<Views.Feed> newsFeeds(ArticleType type, Topic topic) {
		if (type != null && topic == null) {
			return feeds(this.urls.typeFeed(type.code(), "rss"), this.urls.typeFeed(type.code(), "atom"),
					this.messages.text("feed.type.title", this.formats.typePlural(type), this.chrome.siteName()));
		}
		if (topic != null && type == null) {
			return feeds(this.urls.topicFeed(topic.slug(), "rss"), this.urls.topicFeed(topic.slug(), "atom"),
					this.messages.text("feed.topic.title", topic.name(), this.chrome.siteName()));
		}
		return allFeeds();
	}

	private List<Views.Feed> feeds(String rss, String atom, String title) {
		return List.of(new Views.Feed(this.messages.text("feed.rss"), title, rss, "application/rss+xml"),
				new Views.Feed(this.messages.text("feed.atom"), title, atom, "application/atom+xml"));
	}

	/** The page is past the end of its listing: served as a 404 with a link back. */
	static boolean isPastEnd(Pages.ListingPage page) {
		return page.stories().isEmpty() && page.pagination().pages().stream().noneMatch(Views.PageLink::current);
	}

	private Pages.Filters filters(ListingParameters parameters, Map<String, String> active, FilterChoices choices) {
		List<Views.Option> types = new ArrayList<>();
		for (ArticleType type : ArticleType.values()) {
			types.add(new Views.Option(type.code(), this.formats.typeName(type), type == parameters.type()));
		}
		List<Views.Option> topics = choices.topics()
			.stream()
			.map((t) -> new Views.Option(t.slug(), t.name(), t.slug().equals(parameters.topicSlug())))
			.toList();
		List<Views.Option> years = new ArrayList<>();
		choices.span().ifPresent((span) -> {
			int first = span.first().atZone(this.formats.zone()).getYear();
			for (int year = span.last().atZone(this.formats.zone()).getYear(); year >= first; year--) {
				years.add(new Views.Option(Integer.toString(year), Integer.toString(year),
						Integer.valueOf(year).equals(parameters.year())));
			}
		});
		List<Views.Link> removals = new ArrayList<>();
		active.forEach((name, value) -> {
			if (value != null) {
				Map<String, String> without = new LinkedHashMap<>(active);
				without.put(name, null);
				String label = switch (name) {
					case "type" -> this.formats.typeName(parameters.type());
					case "topic" -> topics.stream()
						.filter(Views.Option::selected)
						.map(Views.Option::label)
						.findFirst()
						.orElse(value);
					default -> value;
				};
				removals.add(new Views.Link(label, this.urls.news(without)));
			}
		});
		return new Pages.Filters(this.urls.newsFilter(), types, topics, years, removals);
	}

	private String newsHeading(ArticleType type, Topic topic, Integer year) {
		String base = (type != null) ? this.formats.typePlural(type) : this.messages.text("news.heading");
		if (topic != null) {
			base = this.messages.text("news.heading.topic", base, topic.name());
		}
		if (year != null) {
			base = this.messages.text("news.heading.year", base, year.toString());
		}
		return base;
	}

	private String pageTitle(String heading, int page) {
		return (page > 1) ? this.messages.text("listing.title.page", heading, page) : heading;
	}

	private List<Views.StoryCardView> cards(List<StoryCard> stories) {
		return stories.stream()
			.map((story) -> new Views.StoryCardView(story.title(), this.urls.story(story.slug()),
					this.formats.typeName(story.type()), this.formats.date(story.releaseAt()),
					this.formats.isoDate(story.releaseAt()), this.formats.bylines(story.bylines()), story.summary()))
			.toList();
	}

	private String withDateline(PublicStory story) {
		return withDateline(story.type(), story.dateline(), story.bodyHtml());
	}

	/** News releases print the dateline before their first sentence; previews too. */
	static String withDateline(ArticleType type, String dateline, String html) {
		if (type != ArticleType.NEWS_RELEASE || dateline == null || dateline.isBlank()) {
			return html;
		}
		String line = "<span class=\"gazette-dateline\">" + HtmlUtils.htmlEscape(dateline.strip()) + "</span> &mdash; ";
		return html.startsWith("<p>") ? "<p>" + line + html.substring(3) : "<p>" + line + "</p>" + html;
	}

	private Instant yearStart(Integer year) {
		return (year != null) ? ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, this.formats.zone()).toInstant() : null;
	}

	private static Map<String, String> withPage(Map<String, String> filters, int page) {
		Map<String, String> parameters = new LinkedHashMap<>(filters);
		parameters.put("page", (page > 1) ? Integer.toString(page) : null);
		return parameters;
	}

	/** The topics and the span of release dates that the news filters offer. */
	record FilterChoices(List<Topic> topics, Optional<ReleaseSpan> span) {
	}

}
