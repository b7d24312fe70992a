/// Writes a `RunbookDocument` as GitHub-flavoured markdown: one
/// `render` per node type, blocks separated by one blank line, prose wrapped
/// at 80 columns, and every text escaped by the rules of `Markdown`, so the
/// markdown has exactly the structure of the document whatever its text
/// holds.
///
/// For example `.heading(Heading(level: 2, [.text("Phase 1: Export")]))`
/// renders as `## Phase 1: Export`, and `.paragraph([.text("# not a heading")])`
/// as `\# not a heading`.
public enum MarkdownRenderer {
  /// The column prose is wrapped at.
  public static let width = 80

  public static func render(_ document: RunbookDocument) -> String {
    var text = ""
    for line in separated(document.blocks, width: width) {
      text += line
      text += "\n"
    }
    return text
  }

  /// The lines of one block, without the blank line that follows it, its
  /// prose wrapped to `width` columns.
  static func lines(of block: MarkdownBlock, width: Int = width) -> [String] {
    switch block {
    case .heading(let heading): [render(heading)]
    case .paragraph(let inlines): paragraphLines(inlines, width: width)
    case .list(let items):
      items.enumerated().flatMap { index, item in
        // An item that ends with a code block or a quote is kept apart from
        // the next one by a blank line.
        let apart = index > 0 && !(items[index - 1].endsWithText)
        return (apart ? [""] : []) + lines(of: item, width: width)
      }
    case .table(let table): lines(of: table)
    case .blockQuote(let blocks): quoted(separated(blocks, width: width - 2))
    case .alert(let kind, let blocks):
      quoted(["[!\(kind.rawValue)]"] + separated(blocks, width: width - 2))
    case .flowchart(let chart): split(Markdown.codeBlock(mermaid(chart), language: "mermaid"))
    case .codeBlock(let language, let text):
      split(Markdown.codeBlock(text, language: language))
    case .htmlComment(let text):
      commentLines(Markdown.commentText(text), width: width)
    case .rule: ["---"]
    }
  }

  /// `### Step 3. Title`; with an id, `### <a id="step-x"></a>Step 3. Title`.
  static func render(_ heading: Heading) -> String {
    let level = min(max(heading.level, 1), 6)
    let anchor = heading.id.map { "<a id=\"\(Markdown.anchorID($0))\"></a>" } ?? ""
    return (String(repeating: "#", count: level) + " " + anchor + line(heading.text))
      .trimmingTrailingSpaces
  }

  /// `- ` or `- [ ] ` before the item's first line, its other lines
  /// indented to the item's content; every block after the first is
  /// separated by a blank line but a nested list that follows a paragraph.
  static func lines(of item: ListItem, width: Int) -> [String] {
    let marker = item.isTask ? "- [ ] " : "- "
    var body: [String] = []
    for (index, block) in item.blocks.enumerated() {
      if index > 0 {
        switch (item.blocks[index - 1], block) {
        case (.paragraph, .list): break
        default: body.append("")
        }
      }
      if index == 0, case .paragraph(let inlines) = block {
        body += paragraphLines(inlines, width: width - 2, firstWidth: width - marker.count)
      } else {
        body += lines(of: block, width: width - 2)
      }
    }
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

  /// Blocks separated by blank lines. Two quotes (or alerts) in a row are
  /// kept apart by an empty comment, `<!-- -->`, so that no renderer joins
  /// them into one.
  static func separated(_ blocks: [MarkdownBlock], width: Int) -> [String] {
    var result: [String] = []
    for (index, block) in blocks.enumerated() {
      if index > 0 {
        result.append("")
        if block.isQuote && blocks[index - 1].isQuote { result += ["<!-- -->", ""] }
      }
      result += lines(of: block, width: width)
    }
    return result
  }

  /// `<!-- text -->`, its words wrapped to `width` columns: the comment
  /// text holds no `--`, so its lines cannot close it early.
  static func commentLines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = "<!--"
    let words = text.split(separator: " ").map(String.init) + ["-->"]
    for word in words {
      if current.count + 1 + word.count > width && current != "<!--" {
        lines.append(current)
        current = word
      } else {
        current += " " + word
      }
    }
    return lines + [current]
  }

  private static func quoted(_ lines: [String]) -> [String] {
    lines.map { $0.isEmpty ? ">" : "> " + $0 }
  }

  static func split(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
  }
}

extension ListItem {
  /// Whether its last block is a paragraph or a list (what a tight list
  /// holds).
  fileprivate var endsWithText: Bool {
    switch blocks.last {
    case .paragraph?, .list?, nil: true
    default: false
    }
  }
}

extension MarkdownBlock {
  fileprivate var isQuote: Bool {
    switch self {
    case .blockQuote, .alert: true
    case .heading, .paragraph, .list, .table, .flowchart, .codeBlock, .htmlComment, .rule: false
    }
  }
}
