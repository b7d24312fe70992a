import Model

/// How drift reads a script, and what it compares.
extension CommandDrift {
  /// The script's commands: its lines read like a bash code block of the
  /// runbook (comments and blank lines skipped, `\` continuations joined,
  /// a here-document kept with its command), without what only sets the
  /// script up or frames its functions: the `#!` line, `set -euo pipefail`
  /// and other `set -`/`set +` lines, `name() {`, `function name {`, lines
  /// that are only `{`, `}` or `)`, and calls of the script's own
  /// functions (`main "$@"`).
  static func scriptCommands(_ text: String) -> [Command] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      (
        number: $0.offset + 1,
        text: $0.element.hasSuffix("\r") ? String($0.element.dropLast()) : String($0.element)
      )
    }
    let block = SourceCodeBlock(language: "bash", lines: lines)
    let commands = SourceCommandLines.commands(in: block)
    let functions = Set(commands.compactMap { functionName($0.text) })
    return commands.filter {
      !isFraming($0.text) && !functions.contains(words($0.text).first ?? "")
    }.map { Command(line: $0.line, text: $0.text) }
  }

  /// `main` for `main() {` and `function main {`.
  static func functionName(_ command: String) -> String? {
    let text = command.trimmed
    guard isFraming(text), text.hasSuffix("{") else { return nil }
    var head = text.dropLast().trimmed
    if head.hasPrefix("function ") { head = head.dropFirst(9).trimmed }
    if head.hasSuffix("()") { head = head.dropLast(2).trimmed }
    return head.isEmpty ? nil : head
  }

  static func isFraming(_ command: String) -> Bool {
    let text = command.trimmed
    if ["{", "}", ")", "};"].contains(text) { return true }
    if text.hasPrefix("set -") || text.hasPrefix("set +") || text.hasPrefix("shopt -s") {
      return true
    }
    if text.hasPrefix("function "), text.hasSuffix("{") { return true }
    if text.hasSuffix("{") {
      let head = text.dropLast().trimmed
      if head.hasSuffix("()") {
        let name = head.dropLast(2).trimmed
        return !name.isEmpty
          && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":" }
      }
    }
    return false
  }

  /// A command as compared: words split where bash splits them, quotes
  /// removed, `${NAME}` written `$NAME`, one space between words; the
  /// lines of a here-document body each with its spaces collapsed.
  /// `kubectl scale -n "${NAMESPACE}"  db` and `kubectl scale -n $NAMESPACE db`
  /// are the same.
  static func normalized(_ command: String) -> String {
    command.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      words(String(line)).map { spellVariables(ShellText.unquoted($0)) }.joined(separator: " ")
    }.joined(separator: "\n")
  }

  /// The words of one line: split at blanks outside quotes.
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var word = ""
    var quote: Character?
    var escaped = false
    for character in line {
      if escaped {
        word.append(character)
        escaped = false
        continue
      }
      if character == "\\" && quote != "'" {
        escaped = true
        word.append(character)
        continue
      }
      if let open = quote {
        if character == open { quote = nil }
        word.append(character)
      } else if character == "'" || character == "\"" {
        quote = character
        word.append(character)
      } else if character == " " || character == "\t" {
        if !word.isEmpty { words.append(word) }
        word = ""
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  /// `${NAME}` as `$NAME` (not `${NAME:-x}` or `${#NAME}`).
  static func spellVariables(_ word: String) -> String {
    var out = ""
    var rest = Substring(word)
    while let start = rest.range(of: "${") {
      out += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      if !name.isEmpty, after.dropFirst(name.count).first == "}" {
        out += "$" + name
        rest = after.dropFirst(name.count + 1)
      } else {
        out += "${"
        rest = after
      }
    }
    return out + rest
  }

  /// Two commands that are one command changed: the same program and at
  /// least half their words in common, or few characters apart (a typo).
  static func alike(_ a: String, _ b: String) -> Bool {
    let x = normalized(a)
    let y = normalized(b)
    let left = x.split(separator: " ")
    let right = y.split(separator: " ")
    if let first = left.first, first == right.first {
      let common = commonLength(Array(left), Array(right))
      if 2 * common * 2 >= left.count + right.count { return true }
    }
    return distance(Array(x), Array(y), limit: 3) <= max(2, min(x.count, y.count) / 10)
  }

  /// The length of the longest common subsequence.
  static func commonLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    var row = Array(repeating: 0, count: b.count + 1)
    for x in a {
      var diagonal = 0
      for (j, y) in b.enumerated() {
        let above = row[j + 1]
        row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
        diagonal = above
      }
    }
    return row[b.count]
  }

  /// The edit distance of two strings, or more than `limit` when their
  /// lengths already differ by more.
  static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if abs(a.count - b.count) > max(limit, min(a.count, b.count) / 10) { return Int.max }
    var row = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var previous = row[0]
      row[0] = i + 1
      for (j, y) in b.enumerated() {
        let current = row[j + 1]
        row[j + 1] = min(row[j + 1] + 1, row[j] + 1, previous + (x == y ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}
