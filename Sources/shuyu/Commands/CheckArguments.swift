/// A quick reading of plain `shuyu check` command lines, without the argument parser.
///
/// Checking one draft is mostly start-up, and the argument parser's first use in a process
/// (type reflection and protocol-conformance scans over the whole binary) was 45% of the
/// instructions of checking a one-line draft. Command lines made only of `check`, files or
/// folders (or `-`), and the options `--format`, `--strict`, `--no-glossary`, `--glossary`
/// and `--verbose` with valid values are read here; anything else (help, fixes, rules
/// switched on or off, spacing, a typo, a value that looks like an option, a repeated
/// single-value option) returns nil and goes to the argument parser, which reads it and
/// reports problems. `CheckArgumentsTests` checks that both readings agree.
enum CheckArguments {
    /// The request `arguments` (without the program name) ask for, or nil when the
    /// argument parser must read them.
    static func request(_ arguments: [String]) -> CheckRequest? {
        guard arguments.first == "check" else { return nil }
        var request = CheckRequest(paths: [])
        var seen: Set<String> = []
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-"), argument != "-" else {
                request.paths.append(argument)
                continue
            }
            var name = argument, attached: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--strict", "--no-glossary", "--verbose":
                guard attached == nil, seen.insert(name).inserted else { return nil }
                switch name {
                case "--strict": request.strict = true
                case "--no-glossary": request.noGlossary = true
                default: request.verbose = true
                }
                continue
            case "--format", "--glossary":
                break
            default:
                return nil
            }
            // A value must be given and must not look like an option; --format appears once.
            guard let value = attached ?? rest.popFirst(), !value.hasPrefix("-"),
                  name == "--glossary" || seen.insert(name).inserted
            else { return nil }
            if name == "--glossary" {
                request.glossaries.append(value)
            } else {
                guard let format = ReporterKindArgument(rawValue: value) else { return nil }
                request.format = format
            }
        }
        guard !request.paths.isEmpty else { return nil }
        return request
    }
}
