/// A quick reading of plain `shuyu check` command lines, without the argument parser.
///
/// Checking one draft is mostly start-up, and the argument parser's first use in a process
/// (type reflection and protocol-conformance scans over the whole binary) was 45% of the
/// instructions of checking a one-line draft. Command lines made only of `check`, files or
/// folders (or `-`), and the options `--format`, `--strict`, `--no-glossary`, `--glossary`
/// and `--verbose` with valid values are read here; anything else (help, fixes, rules
/// switched on or off, spacing, a typo, a value that looks like an option, a repeated
/// single-value option) returns nil and goes to the argument parser, which reads it and
/// reports problems (the reading itself is `PlainCommandLine`'s, shared with `lookup`).
/// `CheckArgumentsTests` checks that both readings agree.
enum CheckArguments {
    /// The request `arguments` (without the program name) ask for, or nil when the
    /// argument parser must read them.
    static func request(_ arguments: [String]) -> CheckRequest? {
        guard let line = PlainCommandLine(arguments, command: "check", flags: ["--strict", "--no-glossary", "--verbose"],
                                          options: ["--format", "--glossary"], repeatable: ["--glossary"], dashIsPositional: true),
              !line.positionals.isEmpty else { return nil }
        var request = CheckRequest(paths: line.positionals, strict: line.flags.contains("--strict"),
                                   noGlossary: line.flags.contains("--no-glossary"), verbose: line.flags.contains("--verbose"))
        for (name, value) in line.options {
            if name == "--glossary" {
                request.glossaries.append(value)
            } else {
                guard let format = ReporterKindArgument(rawValue: value) else { return nil }
                request.format = format
            }
        }
        return request
    }
}
