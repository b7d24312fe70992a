import Templates
import Testing

/// How model prose is read: backtick code spans, everything else text.
@Suite struct InlineProseTests {
  @Test func backtickRunsOfTheSameLengthMakeCode() {
    #expect(
      Inline.prose("Set `NAMESPACE` first") == [.text("Set "), .code("NAMESPACE"), .text(" first")])
    #expect(Inline.prose("`a` and `b`") == [.code("a"), .text(" and "), .code("b")])
  }

  @Test func aLongerRunHoldsCodeWithBackticks() {
    #expect(
      Inline.prose("but `` -C `pwd` `` archives") == [
        .text("but "), .code("-C `pwd`"), .text(" archives"),
      ])
    #expect(Inline.prose("``` a `` b ```") == [.code("a `` b")])
  }

  @Test func anUnmatchedRunIsText() {
    #expect(Inline.prose("a ` b") == [.text("a ` b")])
    #expect(Inline.prose("`` a ` b") == [.text("`` a ` b")])
    // CommonMark reads "`-C `pwd``" as code "-C ", text "pwd", then "``".
    #expect(Inline.prose("`-C `pwd``") == [.code("-C "), .text("pwd``")])
  }

  @Test func otherMarkdownIsPlainText() {
    let hostile = "**bold** _em_ [x](javascript:alert(1)) <script>\n# heading"
    #expect(Inline.prose(hostile) == [.text(hostile)])
    #expect(Inline.prose(#"C:\dir `x`"#) == [.text(#"C:\dir "#), .code("x")])
  }

  @Test func codeSpansFoldLinesAndStripOnePaddingSpace() {
    #expect(Inline.prose("`a\nb`") == [.code("a b")])
    #expect(Inline.prose("`  two  `") == [.code(" two ")])
    #expect(Inline.prose("`   `") == [.code("   ")])
  }

  @Test func emptyProseHasNoInlines() {
    #expect(Inline.prose("") == [])
  }
}
