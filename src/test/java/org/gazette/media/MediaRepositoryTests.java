package org.gazette.media;

import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.content.Content;
import org.gazette.content.InvalidContentException;
import org.gazette.content.RevisionDraft;
import org.gazette.content.TestContent;
import org.gazette.support.DatabaseTest;
import org.gazette.support.Databases;
import org.gazette.support.MutableClock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library's rows and the hero image key, on H2 and on PostgreSQL. */
class MediaRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

	@DatabaseTest
	void storesFindsSearchesAndChangesItems(Databases.Lazy db) {
		MediaRepository repository = new MediaRepository(db.get().jdbc());
		long photo = repository.insert(image("a", "Laredo lanes", "Trucks wait at 100% capacity_now."));
		long sheet = repository.insert(document("b", "Fact sheet"));
		MediaAsset stored = repository.find(photo).orElseThrow();
		assertThat(stored.renditions()).containsExactly(480, 960, 1600);
		assertThat(stored.createdAt()).isEqualTo(NOW);
		assertThat(repository.findBySha256("b".repeat(64)).map(MediaAsset::id)).contains(sheet);
		assertThatThrownBy(() -> repository.insert(image("a", "Again", "Same file.")))
			.isInstanceOf(DuplicateKeyException.class);

		assertThat(ids(repository.search(new MediaSearch("LAREDO", null, 1)))).containsExactly(photo);
		assertThat(ids(repository.search(new MediaSearch("100%", null, 1)))).containsExactly(photo);
		assertThat(ids(repository.search(new MediaSearch("0%c", null, 1)))).isEmpty();
		assertThat(ids(repository.search(new MediaSearch("wait_at", null, 1)))).isEmpty();
		assertThat(ids(repository.search(new MediaSearch("", MediaKind.DOCUMENT, 1)))).containsExactly(sheet);
		assertThat(repository.search(new MediaSearch("", null, 1)).total()).isEqualTo(2);
		assertThat(repository.search(new MediaSearch("", null, 2)).items()).isEmpty();

		repository.updateDetails(photo, new MediaDetails("Lanes", "New alt.", false, "Caption.", "Credit."),
				NOW.plusSeconds(60), "editor@example.gov");
		MediaAsset changed = repository.find(photo).orElseThrow();
		assertThat(changed.altText()).isEqualTo("New alt.");
		assertThat(changed.updatedBy()).isEqualTo("editor@example.gov");
		repository.delete(sheet);
		assertThat(repository.find(sheet)).isEmpty();
	}

	@DatabaseTest
	void aRevisionsHeroImageCannotBeDeletedAndMustExist(Databases.Lazy db) {
		MediaRepository repository = new MediaRepository(db.get().jdbc());
		Content content = TestContent.content(db.get().jdbc(), new MutableClock());
		long photo = repository.insert(image("c", "Hero", "A hero."));
		long story = content.createArticle(null, draft("With a hero").withHeroMediaId(photo), "writer");
		assertThat(content.workingRevision(story).orElseThrow().heroMediaId()).isEqualTo(photo);
		// A later revision without it still leaves the first one using it.
		content.revise(story, draft("Without a hero"), "writer");
		assertThat(content.workingRevision(story).orElseThrow().heroMediaId()).isNull();
		assertThatThrownBy(() -> repository.delete(photo)).isInstanceOf(DataIntegrityViolationException.class);
		// What a revision took from the library is part of it: never changed afterwards.
		assertThat(db.get()
			.jdbc()
			.sql("select used_as from revision_media where media_id = :m")
			.param("m", photo)
			.query(String.class)
			.list()).containsExactly("hero");
		for (String statement : List.of("update revision_media set list_order = 1", "delete from revision_media")) {
			assertThatThrownBy(() -> db.get().jdbc().sql(statement).update()).as(statement)
				.hasMessageContaining("append-only");
		}
		assertThatThrownBy(() -> content.createArticle(null, draft("Missing").withHeroMediaId(404_404L), "writer"))
			.isInstanceOfSatisfying(InvalidContentException.class,
					(ex) -> assertThat(ex.byField()).containsKey("heroMediaId"));
	}

	private static List<Long> ids(MediaPage page) {
		return page.items().stream().map(MediaAsset::id).toList();
	}

	private static RevisionDraft draft(String title) {
		return new RevisionDraft(ArticleType.NEWS_RELEASE, title, "Summary.", null, "Body.", List.of(), List.of(), null,
				null);
	}

	private static MediaAsset image(String hash, String title, String alt) {
		return new MediaAsset(0, hash.repeat(64), MediaKind.IMAGE, "image/jpeg", "jpg", title + ".jpg", 2_000_000, 1600,
				900, List.of(480, 960, 1600), title, alt, false, "", "", NOW, "writer@example.gov", NOW,
				"writer@example.gov");
	}

	private static MediaAsset document(String hash, String title) {
		return new MediaAsset(0, hash.repeat(64), MediaKind.DOCUMENT, "application/pdf", "pdf", "sheet.pdf", 240_000,
				null, null, List.of(), title, "", false, "", "", NOW, "writer@example.gov", NOW, "writer@example.gov");
	}

}
