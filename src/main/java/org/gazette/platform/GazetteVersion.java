package org.gazette.platform;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version in the jar's manifest (absent when run from classes).
 */
class GazetteVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = GazetteVersion.class.getPackage().getImplementationVersion();
		return new String[] { "Gazette " + ((version != null) ? version : "(development build)") };
	}

}
