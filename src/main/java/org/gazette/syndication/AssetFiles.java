package org.gazette.syndication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gazette.platform.SiteUrls;

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
 */
@Component
class AssetFiles implements StaticFiles {

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)");

	private final List<String> locations;

	private final SiteUrls urls;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	AssetFiles(WebProperties web, SiteUrls urls) {
		this.locations = List.of(web.getResources().getStaticLocations());
		this.urls = urls;
	}

	@Override
	public String name() {
		return "assets";
	}

	@Override
	public List<StaticFile> files() throws IOException {
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
			StaticFiles.Content content = path.endsWith(".css") ? () -> css(path, resource) : resource::getInputStream;
			files.add(new StaticFile(path, null, content));
			String hashed = this.urls.asset(path);
			if (!hashed.equals(path)) {
				files.add(new StaticFile(hashed, null, content));
			}
		});
		return files;
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
