import Model

/// The headings and admonitions of a runbook's prose.
extension RunbookReader {
  struct Heading {
    var style: String
    var title: String
    /// The index of the line after it.
    var end: Int
  }

  /// `## Title`, `Title` over `====` or `----` (markdown), or `Title` under
  /// (and over) a line of one punctuation character (reStructuredText).
  func heading(at index: Int) -> Heading? {
    let line = lines[index]
    let text = line.trimmed
    let next = index + 1 < lines.count && !codeLines.contains(index + 1) ? lines[index + 1] : nil
    if format == .markdown {
      let hashes = text.prefix { $0 == "#" }.count
      if line.indentation <= 3, (1...6).contains(hashes),
        text.count == hashes || text.dropFirst(hashes).first == " "
      {
        var title = text.dropFirst(hashes).trimmed
        while title.hasSuffix("#") { title.removeLast() }
        return Heading(style: String(hashes), title: title.trimmed, end: index + 1)
      }
      if let next, line.indentation <= 3, !startsItem(text), !text.hasPrefix(">") {
        let underline = next.trimmed
        if underline.count >= 2, underline.allSatisfy({ $0 == "=" }) {
          return Heading(style: "1", title: text, end: index + 2)
        }
        if underline.count >= 2, underline.allSatisfy({ $0 == "-" }) {
          return Heading(style: "2", title: text, end: index + 2)
        }
      }
      return nil
    }
    if let character = Self.adornment(text), index + 2 < lines.count,
      lines[index + 2].trimmed == text, !lines[index + 1].trimmed.isEmpty
    {
      return Heading(
        style: "over" + String(character), title: lines[index + 1].trimmed, end: index + 3)
    }
    if line.indentation == 0, Self.adornment(text) == nil, let next,
      let character = Self.adornment(next.trimmed), next.trimmed.count >= text.count
    {
      return Heading(style: String(character), title: text, end: index + 2)
    }
    return nil
  }

  /// The character of a reStructuredText section adornment: `====`, `----`.
  static func adornment(_ text: String) -> Character? {
    guard let first = text.first, text.count >= 3, "=-~^*#\"'`:.+_".contains(first),
      text.allSatisfy({ $0 == first })
    else { return nil }
    return first
  }

  /// `note`, `tip`, `info` are notes; `warning`, `caution`, `attention`
  /// warnings; `danger`, `error` dangers.
  static func kind(_ word: String) -> Admonition.Kind? {
    switch word.lowercased() {
    case "note", "notes", "info", "tip", "hint", "important", "abstract", "summary", "seealso",
      "todo", "example", "question":
      .note
    case "warning", "caution", "attention", "warn":
      .warning
    case "danger", "error", "failure", "bug":
      .danger
    default: nil
    }
  }

  /// An admonition starting on line `index` and the index of the line after it.
  func admonition(at index: Int) -> (admonition: Admonition, end: Int)? {
    let line = lines[index]
    let text = line.trimmed
    if format == .restructuredText {
      guard text.hasPrefix(".. "), let colons = text.range(of: "::"),
        let kind = Self.kind(
          String(text[text.index(text.startIndex, offsetBy: 3)..<colons.lowerBound]))
      else { return nil }
      let first = text[colons.upperBound...].trimmed
      return indentedBody(after: index, opener: line.indentation, first: first, kind: kind)
    }
    if text.hasPrefix("!!!") || text.hasPrefix("???") {
      let words = text.dropFirst(3).trimmed.split(separator: " ", maxSplits: 1)
      guard let word = words.first else { return nil }
      let kind = Self.kind(String(word.trimmingPrefix("+"))) ?? .note
      var title = words.count > 1 ? String(words[1]).trimmed : ""
      if title.hasPrefix("\""), title.hasSuffix("\""), title.count >= 2 {
        title = String(title.dropFirst().dropLast())
      }
      return indentedBody(
        after: index, opener: line.indentation, first: title.isEmpty ? "" : title + ":", kind: kind)
    }
    guard text.hasPrefix(">") else { return nil }
    var quoted: [String] = []
    var end = index
    while end < lines.count, !codeLines.contains(end), lines[end].trimmed.hasPrefix(">") {
      quoted.append(lines[end].trimmed.dropFirst().trimmed)
      end += 1
    }
    guard let head = quoted.first else { return nil }
    var kind: Admonition.Kind?
    var rest = head
    if head.hasPrefix("[!"), let close = head.firstIndex(of: "]") {
      kind = Self.kind(String(head[head.index(head.startIndex, offsetBy: 2)..<close]))
      rest = head[head.index(after: close)...].trimmed
    } else if head.hasPrefix("**"), let close = head.dropFirst(2).range(of: "**") {
      let label = head.dropFirst(2)[..<close.lowerBound]
      kind = Self.kind(String(label.prefix { $0.isLetter }))
      // `**Note:**` says only the kind; `**Note on Repos:**` says more.
      var bare = label.trimmed
      while bare.hasSuffix(":") { bare.removeLast() }
      let after = head[close.upperBound...].drop { $0 == ":" || $0 == " " }
      rest = Self.kind(bare) != nil ? String(after) : "\(bare): \(after)"
    }
    guard let kind else { return nil }
    let body = ([rest] + quoted.dropFirst()).filter { !$0.isEmpty }.joined(separator: " ")
    return (Admonition(kind, body), end)
  }

  /// The text indented under an admonition's opening line, up to a line
  /// indented no deeper or a code block.
  func indentedBody(after index: Int, opener: Int, first: String, kind: Admonition.Kind)
    -> (admonition: Admonition, end: Int)
  {
    var body = first.isEmpty ? [] : [first]
    var end = index + 1
    while end < lines.count, !codeLines.contains(end),
      lines[end].isBlank || lines[end].indentation > opener
    {
      if !lines[end].isBlank { body.append(lines[end].trimmed) }
      end += 1
    }
    return (Admonition(kind, body.joined(separator: " ")), end)
  }
}
