import Foundation
import PostgresClient
import Testing

@Suite struct PostgresURLTests {
    @Test func passwordsAreNeverShown() {
        #expect(PostgresURL.redacted("postgres://ana:s3cret@db.example:5432/team") == "postgres://ana:***@db.example:5432/team")
        #expect(PostgresURL.redacted("postgresql://ana@db/team?password=s3cret&sslmode=require") == "postgresql://ana@db/team?password=***&sslmode=require")
        #expect(PostgresURL.redacted("host=db user=ana password=s3cret dbname=team") == "host=db user=ana password=*** dbname=team")
        #expect(PostgresURL.redacted("postgres://ana@db/team") == "postgres://ana@db/team")
        // An @ in the path is not a user.
        #expect(PostgresURL.redacted("postgres://db/te:am@x") == "postgres://db/te:am@x")
        // libpq's authority ends at the first '/', so a password may hold '?'.
        #expect(PostgresURL.redacted("postgres://ana:a?b@host/db") == "postgres://ana:***@host/db")
        #expect(PostgresURL.redacted("host=db password='s3 cr\\'et' dbname=team") == "host=db password=*** dbname=team")
        // libpq quotes the URL, or the password, in some of its messages.
        let url = "postgres://ana:pa%ss@db/team"
        #expect(PostgresURL.hidingPassword(of: url, in: "invalid percent-encoded token: \"pa%ss\"") == "invalid percent-encoded token: \"***\"")
        #expect(PostgresURL.hidingPassword(of: url, in: "unexpected character in URI: \"\(url)\"") == "unexpected character in URI: \"postgres://ana:***@db/team\"")
    }
}

/// libpq uses TLS when the server offers it (sslmode=prefer); .ci/run's server does.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SHUYU_TEST_POSTGRES_TLS"] != nil,
                "TLS test skipped: it needs a test server that offers TLS (SHUYU_TEST_POSTGRES_TLS=1; .ci/run starts one)"))
struct TLSTests {
    @Test func connectionsUseTLSWhenTheServerOffersIt() throws {
        #expect(try PostgresConnection(url: TestServer.url!).usesTLS)
        #expect(try !PostgresConnection(url: TestServer.url! + (TestServer.url!.contains("?") ? "&" : "?") + "sslmode=disable").usesTLS)
    }
}
