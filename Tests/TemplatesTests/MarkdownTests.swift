import Templates
import Testing

@Suite struct MarkdownTests {
  @Test func codeSpansGrowTheirFenceAroundBackticks() {
    #expect(Markdown.code("ls -l") == "`ls -l`")
    #expect(Markdown.code("a`b") == "`` a`b ``")
    #expect(Markdown.code("`x`") == "`` `x` ``")
  }

  @Test func codeBlocksAreTaggedAndFencedLongerThanTheirContent() {
    #expect(Markdown.codeBlock("SELECT 1;", language: "sql") == "```sql\nSELECT 1;\n```")
    #expect(Markdown.codeBlock("a ``` b", language: "bash") == "````bash\na ``` b\n````")
  }

  @Test func tableCellsEscapePipesAndFoldLines() {
    #expect(Markdown.tableCell("a | b\nc") == #"a \| b c"#)
  }

  @Test func anchorsFollowGitHub() {
    #expect(Markdown.anchor("Phase 1: Export data from CDSW") == "phase-1-export-data-from-cdsw")
    #expect(Markdown.anchor("Step 3. Save site_config") == "step-3-save-site_config")
  }
}
