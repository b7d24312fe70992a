import Templates
import Testing

/// Each escaping rule of `Markdown`, with hostile text.
@Suite struct MarkdownEscapingTests {
  @Test func proseEscapesEveryCharacterThatOpensStructureOrHTML() {
    #expect(
      Markdown.escaped("<script>alert(1)</script>") == #"\<script\>alert(1)\</script\>"#)
    #expect(Markdown.escaped("[x](javascript:alert(1))") == #"\[x\](javascript:alert(1))"#)
    #expect(Markdown.escaped("![img](x)") == #"!\[img\](x)"#)
    #expect(Markdown.escaped("a *b* ~c~ | d # e") == ##"a \*b\* \~c\~ \| d \# e"##)
    #expect(Markdown.escaped(#"back\slash and `tick"#) == #"back\\slash and \`tick"#)
    #expect(Markdown.escaped("&lt; &#60; R&D & co") == ##"&amp;lt; &amp;\#60; R&amp;D & co"##)
  }

  @Test func underscoresStayBetweenLettersAndAreEscapedElsewhere() {
    #expect(Markdown.escaped("site_config and WORK_DIR") == "site_config and WORK_DIR")
    #expect(Markdown.escaped("_emphasis_ and __strong__") == #"\_emphasis\_ and \_\_strong\_\_"#)
    #expect(Markdown.escaped("trailing_") == #"trailing\_"#)
    #expect(Markdown.escaped("_x", after: "a") == "_x")
  }

  @Test func lineStartsThatWouldOpenBlocksAreEscaped() {
    #expect(Markdown.escaped("# heading", atLineStart: true) == ##"\# heading"##)
    #expect(Markdown.escaped("- item", atLineStart: true) == #"\- item"#)
    #expect(Markdown.escaped("+ item", atLineStart: true) == #"\+ item"#)
    #expect(Markdown.escaped("1. first", atLineStart: true) == #"1\. first"#)
    #expect(Markdown.escaped("12) twelfth", atLineStart: true) == #"12\) twelfth"#)
    #expect(Markdown.escaped("> quote", atLineStart: true) == #"\> quote"#)
    #expect(Markdown.escaped("===", atLineStart: true) == #"\==="#)
    #expect(Markdown.escaped("---", atLineStart: true) == #"\---"#)
    #expect(Markdown.escaped("```bash", atLineStart: true) == #"\`\`\`bash"#)
    // Not at the start of a line, these mean nothing.
    #expect(Markdown.escaped("- item 1. first") == "- item 1. first")
  }

  @Test func hiddenCharactersShowAsEscapes() {
    #expect(Markdown.visible("\u{1B}[31mred\u{1B}[0m") == #"\u{1B}[31mred\u{1B}[0m"#)
    #expect(Markdown.visible("a\rb\u{0}c\u{7F}d\u{85}e") == #"a\u{0D}b\u{00}c\u{7F}d\u{85}e"#)
    #expect(Markdown.visible("a\u{202E}b") == #"a\u{202E}b"#)
    #expect(Markdown.visible("line\nnext\ttab") == "line\nnext\ttab")
    #expect(Markdown.visible("line\n", keeping: []) == #"line\u{0A}"#)
    // In prose the backslash of the visible form is itself escaped.
    #expect(Markdown.escaped("\u{1B}[2J") == #"\\u{1B}\[2J"#)
    #expect(Markdown.escaped("é → 日本語") == "é → 日本語")
  }

  @Test func codeSpansPadAndLengthenTheirFence() {
    #expect(Markdown.code("-C `pwd`") == "`` -C `pwd` ``")
    #expect(Markdown.code("a ``` b") == "```` a ``` b ````")
    #expect(Markdown.code(" padded ") == "`  padded  `")
    #expect(Markdown.code("   ") == "`   `")
    #expect(Markdown.code("") == "` `")
    #expect(Markdown.code("two\nlines") == "`two lines`")
    #expect(Markdown.code("\u{1B}[31m\r") == #"`\u{1B}[31m\u{0D}`"#)
    #expect(Markdown.code("<b>|*</b>") == "`<b>|*</b>`")
  }

  @Test func codeBlocksOutgrowAnyFenceInsideAndShowHiddenCharacters() {
    let text = "echo one\n```\n# not a heading\n````\necho two"
    #expect(Markdown.codeBlock(text, language: "bash") == "`````bash\n\(text)\n`````")
    #expect(Markdown.codeBlock("~~~\nx", language: "bash") == "```bash\n~~~\nx\n```")
    #expect(
      Markdown.codeBlock("a\r\nb\u{1B}", language: "sql") == "```sql\na\\u{0D}\nb\\u{1B}\n```")
    #expect(Markdown.codeBlock("x", language: "yaml`\n# x") == "```yaml#x\nx\n```")
    // A combining mark does not hide the third backtick of a run.
    #expect(Markdown.codeBlock("```\u{301}", language: "") == "````\n```\u{301}\n````")
  }

  @Test func tableCellsKeepEveryPipeEscaped() {
    #expect(Markdown.tableCell("a | b\nc") == #"a \| b c"#)
    #expect(Markdown.tableCell(#"already \| escaped"#) == #"already \| escaped"#)
    #expect(Markdown.tableCell(#"`a\\|b`"#) == #"`a\\\|b`"#)
    #expect(Markdown.tableCell("|\u{301}") == "\\|\u{301}")
  }

  @Test func linksGoOnlyToSafeDestinations() {
    #expect(Markdown.linkDestination("#running-the-script") == "#running-the-script")
    #expect(Markdown.linkDestination("migrate.sh") == "migrate.sh")
    #expect(Markdown.linkDestination("https://example.com/a b") == "https://example.com/a%20b")
    #expect(Markdown.linkDestination("x) [y](z") == "x%29%20%5By%5D%28z")
    #expect(Markdown.linkDestination("javascript:alert(1)") == nil)
    #expect(Markdown.linkDestination("JavaScript:alert(1)") == nil)
    #expect(Markdown.linkDestination("data:text/html,<b>") == nil)
  }

  @Test func commentsCannotBeClosedByTheirText() {
    #expect(Markdown.commentText("a --> <script>") == "a - -> <script>")
    #expect(Markdown.commentText("a---b\nc") == "a- - -b c")
  }
}
