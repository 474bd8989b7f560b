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
        guard arguments.first == "lookup" else { return nil }
        var query: String?
        var request = LookupRequest(query: "")
        var seen: Set<String> = []
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                guard query == nil else { return nil }
                query = argument
                continue
            }
            var name = argument, attached: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--quiet", "--verbose":
                guard attached == nil, seen.insert(name).inserted else { return nil }
                if name == "--quiet" { request.quiet = true } else { request.verbose = true }
                continue
            case "--dictionary", "--context", "--limit", "--format", "--store":
                break
            default:
                return nil
            }
            // A value must be given and must not look like an option; single-value
            // options appear once.
            guard let value = attached ?? rest.popFirst(), !value.hasPrefix("-"),
                  name == "--dictionary" || seen.insert(name).inserted
            else { return nil }
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
        guard let query, LookupRequest.problem(query: query, context: request.context, limit: request.limit) == nil else { return nil }
        request.query = query
        return request
    }
}
