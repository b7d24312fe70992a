/// A tiny line-based reading of rendered markdown, enough to tell whether
/// hostile text changed a runbook's structure: what each line outside a
/// fenced code block starts, and which special characters a line holds
/// outside code spans and backslash escapes.
struct MarkdownStructure {
  enum Kind: Equatable {
    case heading(Int)
    case listItem, quote, tableRow, html, rule, fence, code, text, blank
  }

  var kinds: [Kind] = []

  init(_ markdown: String) {
    var fence: (character: Character, length: Int)?
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    for line in lines {
      let trimmed = line.drop { $0 == " " }
      if let open = fence {
        let run = trimmed.prefix { $0 == open.character }.count
        if run >= open.length && trimmed.dropFirst(run).allSatisfy({ $0 == " " }) {
          kinds.append(.fence)
          fence = nil
        } else {
          kinds.append(.code)
        }
        continue
      }
      kinds.append(Self.kind(of: trimmed))
      if let first = trimmed.first, first == "`" || first == "~" {
        let run = trimmed.prefix { $0 == first }.count
        if run >= 3 { fence = (first, run) }
      }
    }
  }

  static func kind(of line: Substring) -> Kind {
    guard let first = line.first else { return .blank }
    let hashes = line.prefix { $0 == "#" }.count
    if (1...6).contains(hashes) && (line.count == hashes || line.dropFirst(hashes).first == " ") {
      return .heading(hashes)
    }
    if line.hasPrefix("```") || line.hasPrefix("~~~") { return .fence }
    let compact = line.filter { $0 != " " }
    if compact.count >= 3, let mark = compact.first, "-*_=".contains(mark),
      compact.allSatisfy({ $0 == mark })
    {
      return .rule
    }
    if "-+*".contains(first) && (line.count == 1 || line.dropFirst().first == " ") {
      return .listItem
    }
    let digits = line.prefix { $0.isNumber }.count
    if digits > 0, let mark = line.dropFirst(digits).first, mark == "." || mark == ")" {
      return .listItem
    }
    if first == ">" { return .quote }
    if first == "|" { return .tableRow }
    if first == "<" { return .html }
    return .text
  }

  func count(_ kind: Kind) -> Int { kinds.filter { $0 == kind }.count }

  /// The lines of `markdown` outside fenced code, with each wrapped line
  /// joined to the line it continues (a text line after a text, list or
  /// quote line; a quote line after a quote line), as CommonMark joins a
  /// paragraph's lines.
  static func unwrappedLines(_ markdown: String) -> [String] {
    let structure = MarkdownStructure(markdown)
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var result: [String] = []
    var previous: Kind = .blank
    for (line, kind) in zip(lines, structure.kinds) where kind != .code && kind != .fence {
      let text = line.drop { $0 == " " }
      let continues =
        (kind == .text && [.text, .listItem, .quote].contains(previous))
        || (kind == .quote && previous == .quote)
      if continues, !result.isEmpty {
        result[result.count - 1] +=
          " " + (kind == .quote ? String(text.dropFirst(2)) : String(text))
      } else {
        result.append(line)
      }
      previous = kind
    }
    return result
  }

  /// `line` without its code spans (CommonMark's matching backtick runs),
  /// backslash escapes kept.
  static func outsideCodeSpans(_ line: String) -> String {
    let characters = Array(line)
    var kept = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "\\" {
        kept.append(character)
        if index + 1 < characters.count { kept.append(characters[index + 1]) }
        index += 2
        continue
      }
      guard character == "`" else {
        kept.append(character)
        index += 1
        continue
      }
      let run = characters[index...].prefix { $0 == "`" }.count
      var search = index + run
      var closed: Int?
      while search < characters.count {
        let other = characters[search...].prefix { $0 == "`" }.count
        if other == run {
          closed = search
          break
        }
        search += max(other, 1)
      }
      if let closed {
        index = closed + run
      } else {
        kept += String(repeating: "`", count: run)
        index += run
      }
    }
    return kept
  }

  /// The characters of `line` that markdown could read as inline structure
  /// (`<`, `[`, `]`, `*`, `~`, `|`, an `&` that is not `&amp;`, a backtick, a
  /// lone `_`), outside code spans and not escaped by a backslash.
  static func unescapedSpecials(in line: String) -> [Character] {
    let characters = Array(outsideCodeSpans(line))
    var found: [Character] = []
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "\\" {
        index += 2
        continue
      }
      if "<[]*~|`".contains(character) { found.append(character) }
      if character == "&", index + 1 < characters.count, characters[index + 1].isLetter,
        !characters[(index + 1)...].starts(with: "amp;")
      {
        found.append(character)
      }
      if character == "_" {
        let before = index > 0 && characters[index - 1].isLetter
        let after = index + 1 < characters.count && characters[index + 1].isLetter
        if !(before && after) { found.append(character) }
      }
      index += 1
    }
    return found
  }

  /// Whether `text` holds a character no runbook may hold: a C0 control
  /// other than a line break or tab, DEL, or a C1 control.
  static func hasHiddenCharacters(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      (scalar.value < 0x20 && scalar != "\n" && scalar != "\t")
        || (0x7F...0x9F).contains(scalar.value)
    }
  }
}
