import Formats
import Foundation
import PostgresClient

/// The team's shared store on a PostgreSQL server, when one is named: `--store URL`,
/// else `store` in the project's `.shuyu.toml`.
enum SharedStore {
    /// The server's URL, or nil when neither the option nor the configuration names one.
    static func url(_ option: String?) throws -> String? {
        try url(option, project: option == nil ? Project.discover() : nil, config: nil)
    }

    /// The same, for a caller that already found the project (and perhaps read its
    /// configuration), so that neither is done twice.
    static func url(_ option: String?, project: Project?, config: ProjectConfig?) throws -> String? {
        if let option {
            guard PostgresURL.isPostgres(option) else {
                throw CLIError("shuyu: error: --store takes a PostgreSQL URL (postgres://user@host:port/database), not '\(PostgresURL.redacted(option))'")
            }
            return option
        }
        guard let project, let store = try (config ?? ProjectConfig.load(in: project.root)).string("store") else { return nil }
        let config = DisplayPath.relative(project.root.appendingPathComponent(ProjectConfig.fileName).path)
        guard PostgresURL.isPostgres(store) else {
            throw CLIError("\(config): error: 'store' must be a PostgreSQL URL (postgres://user@host:port/database)")
        }
        guard PostgresURL.redacted(store) == store else {
            throw CLIError("\(config): error: 'store' has a password; keep it in PGPASSWORD or ~/.pgpass, not in the configuration file")
        }
        return store
    }
}
