/// Where a markdown document keeps its code: fenced blocks (```` ```lang ````
/// or `~~~`, up to their closing fence), indented blocks (four spaces, after
/// a blank line that does not continue a list item or an `!!! note`
/// admonition), and a line that is a single code span.
enum MarkdownCode {
  static func blocks(in lines: [String]) -> [SourceCodeBlock] {
    var blocks: [SourceCodeBlock] = []
    var index = 0
    var previousNonBlank: String?
    var previousBlank = true
    while index < lines.count {
      let line = lines[index]
      if let fence = opening(line) {
        var body: [(Int, String)] = []
        index += 1
        while index < lines.count, !closes(lines[index], fence) {
          body.append((index + 1, lines[index]))
          index += 1
        }
        index += 1
        blocks.append(.dedented(language: fence.language, lines: body))
        previousNonBlank = line
        previousBlank = false
        continue
      }
      if line.indentation >= 4, previousBlank, !continuesContainer(previousNonBlank) {
        var body: [(Int, String)] = []
        while index < lines.count, lines[index].isBlank || lines[index].indentation >= 4 {
          body.append((index + 1, lines[index]))
          index += 1
        }
        blocks.append(.dedented(language: "", lines: body))
        previousNonBlank = body.last { !$0.1.isBlank }?.1
        previousBlank = true
        continue
      }
      if let code = SourceCommandLines.codeSpanAlone(line) {
        blocks.append(SourceCodeBlock(language: "inline", lines: [(index + 1, code)]))
      }
      if line.isBlank {
        previousBlank = true
      } else {
        previousNonBlank = line
        previousBlank = false
      }
      index += 1
    }
    return blocks
  }

  struct Fence {
    var character: Character
    var length: Int
    var language: String
  }

  static func opening(_ line: String) -> Fence? {
    guard line.indentation <= 3 else { return nil }
    let text = line.trimmed
    guard let first = text.first, first == "`" || first == "~" else { return nil }
    let length = text.prefix { $0 == first }.count
    guard length >= 3 else { return nil }
    let info = text.dropFirst(length).trimmed
    if first == "`" && info.contains("`") { return nil }
    let language = info.prefix { !$0.isWhitespace && $0 != "{" }
    return Fence(character: first, length: length, language: String(language))
  }

  static func closes(_ line: String, _ fence: Fence) -> Bool {
    let text = line.trimmed
    return line.indentation <= 3 && text.count >= fence.length
      && text.allSatisfy { $0 == fence.character }
  }

  /// Whether an indented line after this one continues it rather than
  /// starting code: a list item, its indented paragraphs, or an admonition.
  static func continuesContainer(_ line: String?) -> Bool {
    guard let line else { return false }
    let text = line.trimmed
    if line.indentation > 0 || text.hasPrefix("!!!") || text.hasPrefix("???") { return true }
    if ["- ", "* ", "+ "].contains(where: text.hasPrefix) { return true }
    let digits = text.prefix { $0.isNumber }
    return !digits.isEmpty
      && (text.dropFirst(digits.count).hasPrefix(". ")
        || text.dropFirst(digits.count).hasPrefix(") "))
  }
}

/// Where a reStructuredText document keeps its code: `.. code-block:: lang`
/// (or `code`, `sourcecode`) directives and literal blocks after a paragraph
/// ending in `::`, each up to the first line indented no deeper than what
/// opened it; and ``` ``cmd`` ``` alone on a line. Other directives
/// (`.. danger::`, `.. hint::`) hold prose.
enum RestructuredTextCode {
  static func blocks(in lines: [String]) -> [SourceCodeBlock] {
    var blocks: [SourceCodeBlock] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let text = line.trimmed
      var language: String?
      if text.hasPrefix(".. ") {
        for name in ["code-block::", "sourcecode::", "code::"]
        where text.dropFirst(3).hasPrefix(name) {
          language = text.dropFirst(3 + name.count).trimmed
        }
      } else if text.hasSuffix("::") {
        language = ""
      }
      guard let language else {
        if let code = SourceCommandLines.codeSpanAlone(line, exactTicks: 2) {
          blocks.append(SourceCodeBlock(language: "inline", lines: [(index + 1, code)]))
        }
        index += 1
        continue
      }
      let opener = line.indentation
      index += 1
      // A directive's options (`:linenos:`) come before its content.
      while language != "" || text.hasPrefix(".. "), index < lines.count,
        lines[index].indentation > opener, lines[index].trimmed.hasPrefix(":")
      {
        index += 1
      }
      var body: [(Int, String)] = []
      while index < lines.count, lines[index].isBlank || lines[index].indentation > opener {
        body.append((index + 1, lines[index]))
        index += 1
      }
      blocks.append(.dedented(language: language, lines: body))
    }
    return blocks
  }
}
