/// The block structure of a markdown runbook, by a small line scanner:
/// ATX headings outside fences (their levels), fenced code blocks (opened,
/// and whether the text ends inside one), and table rows outside fences
/// (their cell counts). Two runbooks that differ only in the text of a field
/// must have equal structures.
struct RunbookStructure: Equatable, CustomStringConvertible {
  var headingLevels: [Int] = []
  var fences = 0
  var endsInsideFence = false
  var tableRows: [Int] = []

  init(_ markdown: String) {
    var fence: (character: Character, length: Int)? = nil
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = line.drop { $0 == " " }
      let indent = line.count - text.count
      if let open = fence {
        let run = text.prefix { $0 == open.character }
        if indent <= 3, run.count >= open.length,
          text.dropFirst(run.count).allSatisfy(\.isWhitespace)
        {
          fence = nil
        }
        continue
      }
      guard indent <= 3 else { continue }
      if let first = text.first, first == "`" || first == "~" {
        let run = text.prefix { $0 == first }
        if run.count >= 3 && !(first == "`" && text.dropFirst(run.count).contains("`")) {
          fence = (first, run.count)
          fences += 1
          continue
        }
      }
      let hashes = text.prefix { $0 == "#" }
      if (1...6).contains(hashes.count),
        text.dropFirst(hashes.count).first.map({ $0 == " " || $0 == "\t" }) ?? true
      {
        headingLevels.append(hashes.count)
      } else if text.hasPrefix("|") {
        tableRows.append(Self.cells(in: text))
      }
    }
    endsInsideFence = fence != nil
  }

  /// The cells of a table row: its unescaped pipes, less one.
  static func cells(in row: Substring) -> Int {
    var pipes = 0
    var escaped = false
    for character in row {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        pipes += 1
      }
    }
    return pipes - 1
  }

  var description: String {
    "headings \(headingLevels), \(fences) fences\(endsInsideFence ? " (unclosed)" : ""), table rows \(tableRows)"
  }

  /// Whether `tag` stands in the runbook where a markdown renderer would
  /// read it as HTML: outside fenced code blocks and inline code spans, and
  /// not escaped by a backslash (`\<script` is text). A paragraph's lines
  /// are read joined, as CommonMark joins them, since the runbook wraps
  /// prose and a code span may go on over the next line.
  static func hasRawHTML(_ tag: String, in markdown: String) -> Bool {
    var fence: (character: Character, length: Int)? = nil
    for line in unwrapped(markdown) {
      let text = line.drop { $0 == " " }
      if let open = fence {
        let run = text.prefix { $0 == open.character }
        if run.count >= open.length, text.dropFirst(run.count).allSatisfy(\.isWhitespace) {
          fence = nil
        }
        continue
      }
      if let first = text.first, first == "`" || first == "~" {
        let run = text.prefix { $0 == first }
        if run.count >= 3 && !(first == "`" && text.dropFirst(run.count).contains("`")) {
          fence = (first, run.count)
          continue
        }
      }
      let prose = Self.outsideCodeSpans(String(line)).lowercased()
      var rest = Substring(prose)
      while let found = rest.range(of: tag.lowercased()) {
        let escaped =
          found.lowerBound > prose.startIndex
          && prose[prose.index(before: found.lowerBound)] == "\\"
        if !escaped { return true }
        rest = rest[found.upperBound...]
      }
    }
    return false
  }

  /// The lines of `markdown`, each line that continues a paragraph (not
  /// blank, not a fence, a heading or a list item, after its indentation
  /// and `>` markers) joined to the line before it with a space.
  static func unwrapped(_ markdown: String) -> [String] {
    var result: [String] = []
    var previousContinues = false
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      var text = line.drop { $0 == " " }
      while text.hasPrefix(">") { text = text.dropFirst().drop { $0 == " " } }
      let opensBlock =
        text.isEmpty || text.hasPrefix("```") || text.hasPrefix("~~~") || text.hasPrefix("#")
        || text.hasPrefix("- ") || text.hasPrefix("<!--")
      if previousContinues && !opensBlock, !result.isEmpty {
        result[result.count - 1] += " " + text
      } else {
        result.append(String(line))
      }
      previousContinues = !text.isEmpty && !text.hasPrefix("```") && !text.hasPrefix("~~~")
    }
    return result
  }

  /// The line with its inline code spans (a run of N backticks to the next
  /// run of exactly N) removed.
  static func outsideCodeSpans(_ line: String) -> String {
    let characters = Array(line)
    var kept = ""
    var index = 0
    while index < characters.count {
      guard characters[index] == "`" else {
        kept.append(characters[index])
        index += 1
        continue
      }
      var length = 0
      while index + length < characters.count && characters[index + length] == "`" { length += 1 }
      var search = index + length
      var close: Int? = nil
      while search < characters.count {
        if characters[search] == "`" {
          var run = 0
          while search + run < characters.count && characters[search + run] == "`" { run += 1 }
          if run == length {
            close = search
            break
          }
          search += run
        } else {
          search += 1
        }
      }
      if let close {
        index = close + length
      } else {
        kept += String(repeating: "`", count: length)
        index += length
      }
    }
    return kept
  }

  /// Characters a runbook must never hold: C0 controls but newline and tab,
  /// DEL (and so every ANSI escape).
  static func controlCharacters(in text: String) -> [String] {
    var found: [String] = []
    for scalar in text.unicodeScalars
    where (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F {
      let name = "U+" + String(scalar.value, radix: 16, uppercase: true)
      if !found.contains(name) { found.append(name) }
    }
    return found
  }
}
