package org.gazette.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads are counted while they stream in and cut off at the limit. */
class IncomingFileTests {

	@Test
	void anEndlessUploadIsCutOffAtTheLimitAndLeavesNothing() throws IOException {
		AtomicLong read = new AtomicLong();
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				read.incrementAndGet();
				return 'x';
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				read.addAndGet(length);
				java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
				return length;
			}
		};
		long before = temporaryUploads();
		assertThatThrownBy(() -> IncomingFile.copy(endless, 1_000_000)).isInstanceOfSatisfying(
				InvalidMediaException.class,
				(ex) -> assertThat(ex.byField().get("file")).startsWith("The file is larger than 1.0 MB"));
		assertThat(read.get()).isLessThan(1_000_000 + 128 * 1024);
		assertThat(temporaryUploads()).isEqualTo(before);
	}

	@Test
	void hashesWhatItCopies() throws IOException {
		try (IncomingFile file = IncomingFile.copy(new ByteArrayInputStream("abc".getBytes()), 10)) {
			assertThat(file.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
			assertThat(file.size()).isEqualTo(3);
			assertThat(file.head()).containsExactly('a', 'b', 'c');
		}
	}

	private static long temporaryUploads() throws IOException {
		try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return files.filter((path) -> path.getFileName().toString().startsWith("gazette-upload-")).count();
		}
	}

}
