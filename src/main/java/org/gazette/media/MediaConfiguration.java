package org.gazette.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store the library keeps files in: a directory, for now the only kind. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

	@Bean
	MediaStore mediaStore(MediaProperties properties) {
		return new DirectoryMediaStore(properties.directory());
	}

}
