package org.gazette.syndication;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.platform.SiteUrls;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The site's static files (USWDS, Gazette's style sheet, fonts, icons), as the server
 * serves them: each under its content-hashed address ({@code /css/gazette-5f1c….css}),
 * which is what pages link to, and under its plain one. Style sheets get the rewriting
 * the server's resource chain gives them: their relative {@code url(...)} links name the
 * hashed files too.
 * <p>
 * Each file's version names the build of Gazette ({@link CodeIdentity}), where it comes
 * from and where it goes. An export after one by the same build takes the list of files
 * and their hashed addresses from the previous export's versions and keeps every file by
 * hard link: it neither lists the jar's ~450 assets nor reads and hashes them (the
 * resource chain hashes each to name it), which cost about a tenth of an incremental
 * export.
 */
@Component
class AssetFiles implements StaticFiles {

	/** The first word of an asset's version. */
	private static final String VERSION = "asset";

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)");

	private final List<String> locations;

	private final SiteUrls urls;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private final Supplier<String> identity;

	@Autowired
	AssetFiles(WebProperties web, SiteUrls urls) {
		this(web, urls, CodeIdentity::current);
	}

	/**
	 * @param identity the running build's identity, or null when unknown (then every
	 * export lists, reads and hashes the files)
	 */
	AssetFiles(WebProperties web, SiteUrls urls, Supplier<String> identity) {
		this.locations = List.of(web.getResources().getStaticLocations());
		this.urls = urls;
		this.identity = identity;
	}

	@Override
	public String name() {
		return "assets";
	}

	@Override
	public List<StaticFile> files() throws IOException {
		return files(Map.of());
	}

	@Override
	public List<StaticFile> files(Map<String, String> previous) throws IOException {
		String build = this.identity.get();
		if (build != null) {
			List<StaticFile> same = fromPrevious(build, previous);
			if (!same.isEmpty()) {
				return same;
			}
		}
		Map<String, Resource> found = new LinkedHashMap<>();
		for (String location : this.locations) {
			String pattern = location.startsWith("classpath:") ? "classpath*:" + location.substring(10) : location;
			for (Resource root : this.resolver.getResources(pattern)) {
				String rootUrl = root.getURL().toString();
				rootUrl = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
				for (Resource resource : this.resolver.getResources(rootUrl + "**")) {
					String url = resource.getURL().toString();
					if (!url.endsWith("/") && url.startsWith(rootUrl) && resource.isReadable()) {
						// The first location that has a file is the one the server
						// serves it from.
						found.putIfAbsent(
								"/" + UriUtils.decode(url.substring(rootUrl.length()), StandardCharsets.UTF_8),
								resource);
					}
				}
			}
		}
		List<StaticFile> files = new ArrayList<>();
		found.forEach((path, resource) -> {
			StaticFiles.Content content = content(path, resource);
			files.add(new StaticFile(path, version(build, path, path), content));
			String hashed = this.urls.asset(path);
			if (!hashed.equals(path)) {
				files.add(new StaticFile(hashed, version(build, path, hashed), content));
			}
		});
		return files;
	}

	/**
	 * The files as the previous export had them, when the same build made it: the same
	 * list and hashed addresses, each with the same version, so that it is kept by hard
	 * link. Empty when the previous export was made by another build (or there was none).
	 */
	private List<StaticFile> fromPrevious(String build, Map<String, String> previous) {
		String prefix = VERSION + " " + build + " ";
		List<StaticFile> files = new ArrayList<>();
		previous.forEach((file, version) -> {
			if (version.startsWith(prefix)) {
				String[] names = version.substring(prefix.length()).split(" ", -1);
				if (names.length == 2) {
					String source = UriUtils.decode(names[0], StandardCharsets.UTF_8);
					String path = UriUtils.decode(names[1], StandardCharsets.UTF_8);
					// Opened only if the file cannot be kept by hard link.
					files.add(new StaticFile(path, version, () -> content(source, resource(source)).open()));
				}
			}
		});
		return files;
	}

	/**
	 * A file's version: the build, the file it is made from and its address; null when
	 * the build is unknown.
	 */
	private static String version(String build, String source, String path) {
		return (build != null) ? VERSION + " " + build + " " + UriUtils.encodePath(source, StandardCharsets.UTF_8) + " "
				+ UriUtils.encodePath(path, StandardCharsets.UTF_8) : null;
	}

	private StaticFiles.Content content(String path, Resource resource) {
		return path.endsWith(".css") ? () -> css(path, resource) : resource::getInputStream;
	}

	/** The file the server serves at a plain address: the first location that has it. */
	private Resource resource(String path) throws IOException {
		for (String location : this.locations) {
			Resource resource = this.resolver
				.getResource(location.endsWith("/") ? location + path.substring(1) : location + path);
			if (resource.isReadable()) {
				return resource;
			}
		}
		throw new FileNotFoundException("No asset at " + path + " in " + this.locations);
	}

	/**
	 * A style sheet whose relative links name the hashed files, as the server sends it.
	 */
	private InputStream css(String path, Resource resource) throws IOException {
		String css = resource.getContentAsString(StandardCharsets.UTF_8);
		String directory = path.substring(0, path.lastIndexOf('/') + 1);
		Matcher links = CSS_URL.matcher(css);
		StringBuilder out = new StringBuilder(css.length() + 4096);
		while (links.find()) {
			String link = links.group(2).strip();
			String hashed = hashed(directory, link);
			String replacement = (hashed != null) ? links.group().replace(link, hashed) : links.group();
			links.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		links.appendTail(out);
		return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A relative link as the server's resource chain writes it: the hashed file's address
	 * from the root; null to leave the link as it is.
	 */
	private String hashed(String directory, String link) {
		if (link.isEmpty() || link.startsWith("/") || link.startsWith("#") || link.startsWith("data:")
				|| link.contains("//") || link.contains("?")) {
			return null;
		}
		String target = URI.create(directory).resolve(link).getPath();
		String hashedTarget = this.urls.asset(target);
		return hashedTarget.equals(target) ? null : hashedTarget;
	}

}
