import GRDB
import GRDBSQLite

/// Binding values to a prepared statement through SQLite's C API, for bulk writes where
/// GRDB's general argument handling (an array of boxed values per row) costs as much as
/// SQLite's own work.
extension Statement {
    /// Binds `value` to the parameter at `index` (1-based): a copy of its UTF-8 bytes, or NULL.
    func bindText(_ index: Int32, _ value: String?) {
        guard var text = value else {
            sqlite3_bind_null(sqliteStatement, index)
            return
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        text.withUTF8 { bytes in
            // An empty buffer may have no address; SQLite wants one for an empty text.
            let address = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            _ = sqlite3_bind_text(sqliteStatement, index, address.assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }

    /// Binds an integer to the parameter at `index` (1-based).
    func bindInteger(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(sqliteStatement, index, value)
    }

    /// Runs the bound statement once and resets it for the next row.
    /// - Throws: `StoreError` naming `what` and SQLite's message when it does not finish.
    func stepOnce(_ db: Database, writing what: String) throws {
        let status = sqlite3_step(sqliteStatement)
        sqlite3_reset(sqliteStatement)
        guard status == SQLITE_DONE else {
            throw StoreError("\(db.description): error: cannot store \(what) (SQLite \(status): \(String(cString: sqlite3_errmsg(db.sqliteConnection))))")
        }
    }
}
