package org.gazette.media;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gazette.accounts.Role;
import org.gazette.support.BackOffice;
import org.gazette.support.GazetteWebTest;
import org.gazette.support.TestAccounts;
import org.gazette.support.TestImages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload that finds every image slot taken (a team uploading a whole shoot at once)
 * waits its turn, then gets a clear "try again" with what was typed kept, and nothing is
 * stored; the same upload then goes through.
 */
@GazetteWebTest
class ImageUploadQueueTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ImageWork imageWork;

	@Autowired
	MediaProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUploadThatWaitsTooLongIsAnswered503WithItsFormKeptAndNothingStored() throws Exception {
		this.accounts.forgetFailedSignIns();
		BackOffice writer = new BackOffice(this.port);
		writer.get("/admin/sign-in");
		this.accounts.signIn(writer, this.accounts.person(Role.CONTRIBUTOR));
		writer.get("/admin/media");
		long rows = this.jdbc.sql("select count(*) from media_asset").query(Long.class).single();
		Map<String, String> form = Map.of("title", "Harbor at noon", "altText", "Boats moored in the harbor.");
		byte[] photo = TestImages.jpeg(640, 320);

		ExecutorService threads = Executors.newFixedThreadPool(this.properties.imagesAtOnce());
		CountDownLatch busy = new CountDownLatch(this.properties.imagesAtOnce());
		CountDownLatch release = new CountDownLatch(1);
		try {
			Future<?>[] held = new Future<?>[this.properties.imagesAtOnce()];
			for (int i = 0; i < held.length; i++) {
				held[i] = threads.submit(() -> this.imageWork.run(() -> {
					busy.countDown();
					release.await();
					return null;
				}));
			}
			busy.await();

			BackOffice.Page refused = writer.upload("/admin/media", form, "harbor.jpg", photo);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).hasValue("30");
			assertThat(refused.fieldError("file")).hasValueSatisfying(
					(message) -> assertThat(message).contains("busy processing other images", "upload the file again"));
			assertThat(refused.document().selectFirst("[name=altText]").val()).isEqualTo("Boats moored in the harbor.");
			assertThat(this.jdbc.sql("select count(*) from media_asset").query(Long.class).single()).isEqualTo(rows);

			release.countDown();
			for (Future<?> hold : held) {
				hold.get();
			}
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		BackOffice.Page uploaded = writer.upload("/admin/media", form, "harbor.jpg", photo);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from media_asset").query(Long.class).single()).isEqualTo(rows + 1);
	}

}
