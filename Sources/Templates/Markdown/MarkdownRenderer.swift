/// Writes a `RunbookDocument` as GitHub-flavoured markdown: one
/// `render` per node type, blocks separated by one blank line, and every
/// text escaped by the rules of `Markdown`, so the markdown has exactly the
/// structure of the document whatever its text holds.
///
/// For example `.heading(Heading(level: 2, [.text("Phase 1: Export")]))`
/// renders as `## Phase 1: Export`, and `.paragraph([.text("# not a heading")])`
/// as `\# not a heading`.
public enum MarkdownRenderer {
  public static func render(_ document: RunbookDocument) -> String {
    var text = ""
    for block in document.blocks {
      for line in lines(of: block) {
        text += line
        text += "\n"
      }
      text += "\n"
    }
    while text.hasSuffix("\n\n") { text.removeLast() }
    return text
  }

  /// The lines of one block, without the blank line that follows it.
  static func lines(of block: MarkdownBlock) -> [String] {
    switch block {
    case .heading(let heading): [render(heading)]
    case .paragraph(let inlines): paragraphLines(inlines)
    case .list(let items): items.flatMap(lines(of:))
    case .table(let table): lines(of: table)
    case .blockQuote(let blocks):
      separated(blocks).map { $0.isEmpty ? ">" : "> " + $0 }
    case .codeBlock(let language, let text):
      split(Markdown.codeBlock(text, language: language))
    case .htmlComment(let text): ["<!-- \(Markdown.commentText(text)) -->"]
    case .rule: ["---"]
    }
  }

  static func render(_ heading: Heading) -> String {
    let level = min(max(heading.level, 1), 6)
    return (String(repeating: "#", count: level) + " " + line(heading.text)).trimmingTrailingSpaces
  }

  /// `- ` or `- [ ] ` before the item's first line, its other lines
  /// indented to the item's content; a paragraph after a paragraph is
  /// separated by a blank line, a nested list or code block is not.
  static func lines(of item: ListItem) -> [String] {
    var body: [String] = []
    for (index, block) in item.blocks.enumerated() {
      if index > 0 {
        switch block {
        case .list, .codeBlock: break
        case .heading, .paragraph, .table, .blockQuote, .htmlComment, .rule: body.append("")
        }
      }
      body += lines(of: block)
    }
    let marker = item.isTask ? "- [ ] " : "- "
    guard let first = body.first else { return [marker.trimmingTrailingSpaces] }
    return [(marker + first).trimmingTrailingSpaces]
      + body.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }
  }

  static func lines(of table: Table) -> [String] {
    let width = table.header.count
    func row(_ cells: [[Inline]]) -> String {
      let padded = cells.prefix(width) + Array(repeating: [], count: max(0, width - cells.count))
      return "| " + padded.map { Markdown.tableCell(line($0)) }.joined(separator: " | ") + " |"
    }
    let rule = "| " + Array(repeating: "---", count: width).joined(separator: " | ") + " |"
    return [row(table.header), rule] + table.rows.map(row)
  }

  /// Blocks separated by blank lines, as in a block quote.
  static func separated(_ blocks: [MarkdownBlock]) -> [String] {
    var result: [String] = []
    for block in blocks {
      if !result.isEmpty { result.append("") }
      result += lines(of: block)
    }
    return result
  }

  private static func split(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
  }
}
