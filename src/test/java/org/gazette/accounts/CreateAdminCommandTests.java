package org.gazette.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.gazette.GazetteApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar gazette.jar create-admin EMAIL}, run as an operator would, on its own
 * database.
 */
class CreateAdminCommandTests {

	@Test
	void createsAnAdminAndPrintsAOneTimeLinkAndRefusesADuplicate() {
		String database = "--spring.datasource.url=jdbc:h2:mem:cmd-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		Run first = run("create-admin", "Chief@Agency.gov", "Pat Chief", database);
		assertThat(first.status()).isZero();
		assertThat(first.out()).contains("Admin account created for chief@agency.gov.")
			.containsPattern("http://localhost:8080/admin/set-password/[A-Za-z0-9_-]{43}");
		Run again = run("create-admin", "chief@agency.gov", database);
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains("An account with this email address already exists.");
	}

	@Test
	void refusesABadAddressOrMissingArguments() {
		String database = "--spring.datasource.url=jdbc:h2:mem:cmd-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		assertThat(run("create-admin", "not an address", database).status()).isEqualTo(1);
		Run usage = run("create-admin", database);
		assertThat(usage.status()).isEqualTo(2);
		assertThat(usage.err())
			.isEqualTo("create-admin: Missing required parameter: 'EMAIL'. Usage: gazette create-admin"
					+ " [-hV] [--verbose] EMAIL [NAME] (see gazette create-admin --help)" + System.lineSeparator());
	}

	private static Run run(String... args) {
		String[] all = new String[args.length + 3];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--gazette.demo-content=false";
		all[args.length + 1] = "--gazette.search.index-directory=target/test-search-index/" + UUID.randomUUID();
		all[args.length + 2] = "--logging.level.root=warn";
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
			int status = GazetteApplication.runCommand(all);
			return new Run(status, outBytes.toString(StandardCharsets.UTF_8),
					errBytes.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Run(int status, String out, String err) {
	}

}
