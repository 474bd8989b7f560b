/// A plain command line read without the argument parser, for the quick paths of `lookup`
/// and `check` (`LookupArguments`, `CheckArguments`): the command, positional values, flags
/// without values, and options with values (`--name value` or `--name=value`).
///
/// Anything the parser would read differently or report makes it nil, so that the parser
/// reads it: an unknown option, a flag given twice or with a value, an option without a
/// value or with one that looks like an option, a single-value option given twice.
struct PlainCommandLine {
    var positionals: [String] = []
    var flags: Set<String> = []
    /// Option values in command-line order.
    var options: [(name: String, value: String)] = []

    /// - Parameters:
    ///   - flags: the flags the quick path knows.
    ///   - options: the options with a value it knows; `repeatable` ones may come again.
    ///   - dashIsPositional: whether a lone `-` (standard input) is a positional value.
    init?(_ arguments: [String], command: String, flags known: Set<String>, options: Set<String>,
          repeatable: Set<String> = [], dashIsPositional: Bool = false) {
        guard arguments.first == command else { return nil }
        var seen: Set<String> = []
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-"), !(dashIsPositional && argument == "-") else {
                positionals.append(argument)
                continue
            }
            var name = argument, attached: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            if known.contains(name) {
                guard attached == nil, flags.insert(name).inserted else { return nil }
                continue
            }
            // A value must be given and must not look like an option; single-value options
            // appear once.
            guard options.contains(name), let value = attached ?? rest.popFirst(), !value.hasPrefix("-"),
                  repeatable.contains(name) || seen.insert(name).inserted
            else { return nil }
            self.options.append((name, value))
        }
    }
}
