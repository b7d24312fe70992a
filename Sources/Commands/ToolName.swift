/// The name the command line runs under, in its usage lines, hints and error
/// prefix: `gen-migration`, or the executable of a package built on
/// GenMigrationKit, so that its `--help` reads `rotate-password list` and
/// its errors `rotate-password: unknown command 'lst'; ...`.
enum ToolName {
  /// Set for one run by `GenMigration.run(_:catalog:workingDirectory:toolName:)`.
  @TaskLocal static var current = "gen-migration"

  static let builtIn = "gen-migration"

  /// The command generated headers name for regenerating them:
  /// `rotate-password generate`.
  static var regenerate: String { "\(current) generate" }

  /// A help text, written for `gen-migration`, for the current tool: every
  /// `gen-migration` in it names the tool being run, and the descriptions
  /// of the usage table stay in one column: for `rp` the row
  /// `  gen-migration list   one line ...` gains eleven spaces before its
  /// description; for a longer name the column moves right as far as the
  /// row with the least room needs, continuation lines with it.
  static func applied(to help: String) -> String {
    guard current != builtIn else { return help }
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let rowPrefix = "  \(builtIn) "
    let rows = lines.filter { $0.hasPrefix(rowPrefix) }.compactMap { line in
      descriptionColumn(of: line).map { (column: $0, gap: gap(before: $0, in: line)) }
    }
    let rename = { (text: Substring) in text.replacingOccurrences(of: builtIn, with: current) }
    guard let column = rows.first?.column else { return rename(help[...]) }
    let shift = current.count - builtIn.count
    let extra = max(0, rows.map { shift + 2 - $0.gap }.max() ?? 0)
    return lines.map { line in
      if line.hasPrefix(rowPrefix), let start = descriptionColumn(of: line) {
        let gap = gap(before: start, in: line)
        return rename(line.prefix(start - gap))
          + String(repeating: " ", count: max(2, gap - shift + extra))
          + rename(line.dropFirst(start))
      }
      let indent = line.prefix { $0 == " " }.count
      if indent >= column && indent < line.count {
        return String(repeating: " ", count: indent + extra) + rename(line.dropFirst(indent))
      }
      return rename(line[...])
    }.joined(separator: "\n")
  }

  /// How many spaces come before `column` in `line`.
  private static func gap(before column: Int, in line: String) -> Int {
    line.prefix(column).reversed().prefix { $0 == " " }.count
  }

  /// Where the description of a usage row starts: after the first run of
  /// two or more spaces past the command, or nil when the row has none.
  private static func descriptionColumn(of line: String) -> Int? {
    let characters = Array(line)
    var index = 2
    while index < characters.count {
      if characters[index] == " " {
        var end = index
        while end < characters.count && characters[end] == " " { end += 1 }
        if end - index >= 2 && end < characters.count { return end }
        index = end
      } else {
        index += 1
      }
    }
    return nil
  }
}
