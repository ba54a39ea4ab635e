package org.gazette.media;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves stored files at {@code /media/{sha256}-{width}.{ext}} (image renditions) and
 * {@code /media/{sha256}.pdf} (documents). A file's address names its content, so it is
 * cached for a year and never revalidated. Only names of the form {@link MediaStore#NAME}
 * that belong to an item in the library are served; those of a file the item had before
 * it was replaced lead to its current file.
 */
@Controller
class MediaFilesController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaLibrary library;

	private final MediaStore store;

	MediaFilesController(MediaLibrary library, MediaStore store) {
		this.library = library;
		this.store = store;
	}

	@GetMapping("/media/{name}")
	ResponseEntity<Resource> file(@PathVariable String name) {
		Matcher matcher = MediaStore.NAME.matcher(name);
		if (!matcher.matches()) {
			return ResponseEntity.notFound().build();
		}
		MediaAsset asset = this.library.findBySha256(name.substring(0, 64))
			.filter((found) -> found.fileNames().contains(name))
			.orElse(null);
		if (asset == null) {
			// A file since replaced: its address leads to the item's current file. Not
			// for
			// good, since the item may be given yet another file.
			return this.library.currentAddress(name)
				.<ResponseEntity<Resource>>map((current) -> ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
					.location(URI.create(current))
					.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
					.build())
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
		Resource file = this.store.read(name).orElse(null);
		if (file == null) {
			return ResponseEntity.notFound().build();
		}
		var response = ResponseEntity.ok()
			.cacheControl(FOREVER)
			.contentType(MediaType.parseMediaType(asset.mediaType()))
			.header("X-Content-Type-Options", "nosniff");
		if (!asset.isImage()) {
			// Downloaded, not opened on the site's own origin; the name is the one it was
			// uploaded with, encoded (RFC 6266), with a plain ASCII fallback.
			response.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(asciiFallback(asset.fileName())).build().toString()
							+ "; filename*=" + encoded(asset.fileName()));
		}
		return response.body(file);
	}

	static String asciiFallback(String fileName) {
		String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
		return ascii.isBlank() ? "document.pdf" : ascii;
	}

	private static String encoded(String fileName) {
		StringBuilder out = new StringBuilder("UTF-8''");
		for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

}
