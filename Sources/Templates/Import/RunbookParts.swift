import Model

/// A runbook read as a sequence of parts in document order: headings,
/// paragraphs of prose, admonitions and code blocks. The code blocks are the
/// ones `gen-migration trace` finds (`MarkdownCode`, `RestructuredTextCode`),
/// so what the importer turns into steps is exactly what trace counts.
///
/// Markdown: `#` headings and `===`/`---` underlined ones, `!!! warning`
/// (and `???`) with their indented text, `> **Note:** text` and
/// `> [!WARNING]` quotes. reStructuredText: underlined (and overlined)
/// headings, `.. danger::`, `.. warning::`, `.. note::`, `.. hint::` and the
/// other admonition directives with their indented text.
struct RunbookParts: Equatable {
  enum Part: Equatable {
    /// `level` counts from 1 for the outermost style the document uses.
    case heading(level: Int, title: String, line: Int)
    case paragraph(text: String, line: Int)
    case admonition(Admonition)
    case code(SourceCodeBlock)
  }

  var parts: [Part]

  init(_ text: String, format: SourceFormat) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    let blocks =
      switch format {
      case .markdown: MarkdownCode.blocks(in: lines)
      case .restructuredText: RestructuredTextCode.blocks(in: lines)
      }
    var reader = RunbookReader(lines: lines, blocks: blocks, format: format)
    parts = reader.read()
  }
}

/// Walks the lines once: a line a code block holds is code, the rest is
/// read as headings, admonitions and paragraphs.
struct RunbookReader {
  let lines: [String]
  let format: SourceFormat
  /// The block that starts on a line (by index from 0), and every line a block holds.
  var blockStarting: [Int: SourceCodeBlock] = [:]
  var codeLines: Set<Int> = []
  var headingStyles: [String] = []
  var parts: [RunbookParts.Part] = []
  var paragraph: [String] = []
  var paragraphLine = 0

  init(lines: [String], blocks: [SourceCodeBlock], format: SourceFormat) {
    self.lines = lines
    self.format = format
    for block in blocks {
      guard let first = block.lines.first?.number else { continue }
      if block.language == "inline" {
        blockStarting[first - 1] = block
        codeLines.insert(first - 1)
        continue
      }
      blockStarting[first - 1] = block
      for line in block.lines { codeLines.insert(line.number - 1) }
    }
  }

  mutating func read() -> [RunbookParts.Part] {
    var index = 0
    while index < lines.count {
      if let block = blockStarting[index] {
        flush()
        parts.append(.code(block))
        index = (block.lines.last?.number ?? index + 1)
        continue
      }
      if codeLines.contains(index) {
        index += 1
        continue
      }
      let line = lines[index]
      let text = line.trimmed
      if text.isEmpty {
        flush()
        index += 1
        continue
      }
      if let next = heading(at: index) {
        flush()
        parts.append(.heading(level: level(of: next.style), title: next.title, line: index + 1))
        index = next.end
        continue
      }
      if let found = admonition(at: index) {
        flush()
        parts.append(.admonition(found.admonition))
        index = found.end
        continue
      }
      if isMarkup(line) {
        flush()
        index += 1
        continue
      }
      if startsItem(text) { flush() }
      if paragraph.isEmpty { paragraphLine = index + 1 }
      paragraph.append(
        format == .restructuredText && text.hasSuffix("::") ? String(text.dropLast()) : text)
      index += 1
    }
    flush()
    return parts
  }

  mutating func flush() {
    if !paragraph.isEmpty {
      parts.append(.paragraph(text: paragraph.joined(separator: " "), line: paragraphLine))
    }
    paragraph = []
  }

  /// A fence without a block (an empty one), a reStructuredText directive
  /// or target that holds no prose, or a directive's `:option:`.
  func isMarkup(_ line: String) -> Bool {
    let text = line.trimmed
    if format == .markdown { return MarkdownCode.opening(line) != nil }
    return text.hasPrefix(".. ")
      || (text.hasPrefix(":") && text.dropFirst().contains(":"))
        && line.indentation > 0
  }

  func startsItem(_ text: String) -> Bool {
    if ["- ", "* ", "+ "].contains(where: text.hasPrefix) { return true }
    let digits = text.prefix { $0.isNumber }
    return !digits.isEmpty && text.dropFirst(digits.count).hasPrefix(". ")
  }

  mutating func level(of style: String) -> Int {
    if let index = headingStyles.firstIndex(of: style) { return index + 1 }
    headingStyles.append(style)
    return headingStyles.count
  }
}
