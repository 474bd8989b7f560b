/// A file's units, read a piece at a time, so that an import can prepare and store the
/// first units while the rest are still being read, without holding every unit at once.
///
/// One thread uses a reader at a time; an import hands it from the thread that opens
/// the file to the one that reads it, hence `@unchecked Sendable` in conformances.
public protocol TranslationUnitReader: AnyObject, Sendable {
    /// Up to `limit` more units, in file order; an empty array once the file is done.
    /// - Throws: the reader's format error, naming the file, line and column.
    func next(_ limit: Int) throws -> [TranslationUnit]
}
