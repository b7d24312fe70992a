import Templates
import Testing

/// Each node type rendered with hostile text keeps the structure of the
/// document: the renderer adds no heading, fence, list, quote, table or HTML
/// the document does not have, and no hidden character reaches the text.
@Suite struct MarkdownRendererTests {
  static let hostile: [String] = [
    "line\n# heading", "```\nrm -rf /\n```", "~~~", "<script>alert(1)</script>",
    "\u{1B}[31mred\u{1B}[0m", "carriage\rreturn", "nul\u{0}byte", "a | b | c",
    "[x](javascript:alert(1))", "- item", "1. first", "> quote", "+ plus", "---", "===",
    "    indented code", "<!-- comment -->", "&lt;tag&gt;", "*emphasis* and __strong__",
    "trailing spaces   ", "back\\slash\\", String(repeating: "long line ", count: 500),
    "é → 日本語 ✓", "line\u{2028}separator", "bidi \u{202E}reversed", "c1 \u{85} \u{9B}[0m",
  ]

  static func render(_ blocks: [MarkdownBlock]) -> String {
    MarkdownRenderer.render(RunbookDocument(blocks))
  }

  static func expectNoHiddenCharacters(
    _ text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(!MarkdownStructure.hasHiddenCharacters(text), sourceLocation: sourceLocation)
  }

  @Test(arguments: hostile)
  func paragraphTextStaysOneParagraphOfText(text: String) {
    let output = Self.render([.paragraph([.text(text)])])
    let structure = MarkdownStructure(output)
    #expect(structure.kinds.allSatisfy { $0 == .text }, "\(output)")
    for line in output.split(separator: "\n") {
      #expect(MarkdownStructure.unescapedSpecials(in: String(line)).isEmpty, "\(line)")
      #expect(!line.hasSuffix(" "))
    }
    Self.expectNoHiddenCharacters(output)
  }

  @Test func aBlankLineInProseIsTheModelsParagraphBreakAndNothingMore() {
    let output = Self.render([.paragraph([.text("\n\nfirst\n\n\n\n  second\n\n")])])
    #expect(output == "first\n\nsecond\n")
  }

  @Test(arguments: hostile)
  func headingTextStaysOneHeading(text: String) {
    let output = Self.render([.heading(Heading(level: 3, [.text("Step 1. "), .text(text)]))])
    #expect(MarkdownStructure(output).kinds == [.heading(3)], "\(output)")
    Self.expectNoHiddenCharacters(output)
  }

  @Test(arguments: hostile)
  func inlineCodeStaysOneSpan(text: String) {
    let output = Self.render([.paragraph([.text("Run "), .code(text), .text(" now.")])])
    let lines = output.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
    // Wrapped at 80 columns; each line a paragraph's continuation, and the
    // lines, joined as CommonMark joins them, one code span.
    #expect(MarkdownStructure(output).kinds.allSatisfy { $0 == .text }, "\(output)")
    #expect(lines.allSatisfy { $0.count <= 80 || !$0.contains(" ") }, "\(output)")
    let line = lines.joined(separator: " ")
    #expect(MarkdownStructure.unescapedSpecials(in: line).isEmpty, "\(line)")
    #expect(line.hasPrefix("Run `") && line.hasSuffix("` now."))
    Self.expectNoHiddenCharacters(output)
  }

  @Test(arguments: hostile)
  func aCodeBlockHoldsEveryLineOfItsText(text: String) {
    let output = Self.render([
      .codeBlock(language: "bash", text: text), .paragraph([.text("after")]),
    ])
    let kinds = MarkdownStructure(output).kinds
    #expect(kinds.first == .fence)
    #expect(kinds.filter { $0 == .fence }.count == 2, "\(output)")
    #expect(kinds.suffix(3) == [.fence, .blank, .text], "\(output)")
    Self.expectNoHiddenCharacters(output)
  }

  @Test(arguments: hostile)
  func tableCellsKeepTheirRowsAndColumns(text: String) {
    let table = Table(
      header: [[.text("Name")], [.text("Meaning")]],
      rows: [[[.code(text)], [.text(text)]], [[.text("second")], [.code("a|b"), .text(text)]]])
    let output = Self.render([.table(table)])
    let rows = output.split(separator: "\n")
    #expect(rows.count == 4, "\(output)")
    for row in rows {
      #expect(MarkdownStructure.kind(of: row) == .tableRow)
      #expect(Self.unescapedPipes(in: String(row)) == 3, "\(row)")
    }
    Self.expectNoHiddenCharacters(output)
  }

  @Test(arguments: hostile)
  func listItemsStayItems(text: String) {
    let output = Self.render([
      .list([ListItem([.text(text)], isTask: true), ListItem([.text("Check: "), .code(text)])])
    ])
    let kinds = MarkdownStructure(output).kinds
    #expect(kinds.filter { $0 == .listItem }.count == 2, "\(output)")
    #expect(kinds.allSatisfy { $0 == .listItem || $0 == .text }, "\(output)")
    #expect(output.hasPrefix("- [ ] "))
    Self.expectNoHiddenCharacters(output)
  }

  @Test(arguments: hostile)
  func blockQuotesQuoteEveryLine(text: String) {
    let output = Self.render([
      .blockQuote([.paragraph([.strong([.text("Warning:")]), .text(" " + text)])])
    ])
    #expect(MarkdownStructure(output).kinds.allSatisfy { $0 == .quote }, "\(output)")
    #expect(output.hasPrefix("> **Warning:** "))
    Self.expectNoHiddenCharacters(output)
  }

  @Test(arguments: hostile)
  func linksKeepTheirTextAndTarget(text: String) {
    let output = Self.render([.paragraph([.link([.text(text)], target: "#" + text)])])
    #expect(MarkdownStructure(output).kinds.allSatisfy { $0 == .text }, "\(output)")
    #expect(output.hasPrefix("["))
    #expect(output.hasSuffix(")\n"))
    Self.expectNoHiddenCharacters(output)
  }

  @Test func aLinkToAScriptIsOnlyItsText() {
    let output = Self.render([.paragraph([.link([.text("click")], target: "javascript:alert(1)")])])
    #expect(output == "click\n")
  }

  @Test(arguments: hostile)
  func htmlCommentsStayComments(text: String) {
    let output = Self.render([
      .htmlComment("Generated from " + text + " -->"), .paragraph([.text("x")]),
    ])
    let lines = output.split(separator: "\n")
    // The comment, wrapped, then the paragraph: only its last line closes it.
    #expect(lines.last == "x")
    let comment = lines.dropLast().joined(separator: " ")
    #expect(lines.dropLast().allSatisfy { $0.count <= 80 || !$0.contains(" ") })
    #expect(comment.hasPrefix("<!-- ") && comment.hasSuffix(" -->"))
    #expect(!comment.dropFirst(4).dropLast(3).contains("--"), "\(output)")
    Self.expectNoHiddenCharacters(output)
  }

  @Test func nodesRenderAsTheyShow() {
    let output = Self.render([
      .heading(Heading(level: 2, [.text("Parameters")])),
      .paragraph([.text("Set "), .code("NAMESPACE"), .text(" "), .strong([.text("Required.")])]),
      .list([ListItem([.paragraph([.text("a")]), .list([ListItem([.text("b")])])])]),
      .rule,
      .table(
        Table(
          header: [[.text("A")], [.text("B")]], rows: [[[.text("1")], [.emphasis([.text("2")])]]])),
    ])
    #expect(
      output
        == "## Parameters\n\nSet `NAMESPACE` **Required.**\n\n- a\n  - b\n\n---\n\n| A | B |\n| --- | --- |\n| 1 | *2* |\n"
    )
  }

  @Test func adjacentCodeSpansAreOneSpan() {
    #expect(Self.render([.paragraph([.code("a"), .code("`b")])]) == "`` a`b ``\n")
  }

  @Test func emptyStrongTextWritesNothing() {
    #expect(Self.render([.paragraph([.text("a"), .strong([]), .emphasis([])])]) == "a\n")
  }

  /// Pipes that separate cells: not behind an odd run of backslashes.
  static func unescapedPipes(in row: String) -> Int {
    var count = 0
    var backslashes = 0
    for character in row {
      if character == "|" && backslashes % 2 == 0 { count += 1 }
      backslashes = character == "\\" ? backslashes + 1 : 0
    }
    return count
  }
}
