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
