/// A quick reading of plain `shuyu lookup` command lines, without the argument parser.
///
/// A lookup is mostly start-up, and the argument parser's first use in a process (type
/// reflection and protocol-conformance scans over the whole binary) took about a third
/// of it. Command lines made only of `lookup`, one query and lookup's own options with
/// valid values are read here; anything else (help, a typo, a value that looks like an
/// option, a repeated single-value option, an invalid value) returns nil and goes to the
/// argument parser, which reads it and reports problems. `LookupArgumentsTests` checks
/// that both readings agree.
enum LookupArguments {
    /// The request `arguments` (without the program name) ask for, or nil when the
    /// argument parser must read them.
    static func request(_ arguments: [String]) -> LookupRequest? {
        guard let line = PlainCommandLine(arguments, command: "lookup", flags: ["--quiet", "--verbose"],
                                          options: ["--dictionary", "--context", "--limit", "--format", "--store"],
                                          repeatable: ["--dictionary"]),
              line.positionals.count == 1, let query = line.positionals.first else { return nil }
        var request = LookupRequest(query: query, quiet: line.flags.contains("--quiet"), verbose: line.flags.contains("--verbose"))
        for (name, value) in line.options {
            switch name {
            case "--dictionary": request.dictionaries.append(value)
            case "--context":
                guard let number = Int(value) else { return nil }
                request.context = number
            case "--limit":
                guard let number = Int(value) else { return nil }
                request.limit = number
            case "--format":
                guard let format = Shuyu.Lookup.Format(rawValue: value) else { return nil }
                request.format = format
            default: request.store = value
            }
        }
        guard LookupRequest.problem(query: query, context: request.context, limit: request.limit) == nil else { return nil }
        return request
    }
}
