import Model
import Templates
import Testing

/// The runbook document: anchors, the contents derived from its headings,
/// and a whole runbook whose every text is hostile.
@Suite struct RunbookDocumentTests {
  @Test func repeatedHeadingsGetGitHubsSuffixes() {
    let document = RunbookDocument(
      ["Setup", "Setup", "Setup-1", "Setup", "Step 3. Save `site_config`"].map {
        .heading(Heading(level: 2, .prose($0)))
      })
    #expect(
      document.headings.map(\.anchor) == [
        "setup", "setup-1", "setup-1-1", "setup-2", "step-3-save-site_config",
      ])
  }

  @Test func contentsListsTheListedHeadingsNestedByLevel() {
    let document = RunbookDocument([
      .heading(Heading(level: 1, [.text("Title")], inContents: false)),
      .heading(Heading(level: 2, [.text("Contents")], inContents: false)),
      .heading(Heading(level: 2, [.text("Phase 1: Export")])),
      .heading(Heading(level: 3, [.text("Clean up")])),
      .heading(Heading(level: 4, [.text("Step 1. Go")])),
      .heading(Heading(level: 3, [.text("Title")])),
      .heading(Heading(level: 3, [.text("1. Fixed")], inContents: false)),
    ])
    let contents = document.insertingContents(after: "contents")
    #expect(
      MarkdownRenderer.render(contents)
        == "# Title\n\n## Contents\n\n- [Phase 1: Export](#phase-1-export)\n  - [Clean up](#clean-up)\n  - [Title](#title-1)\n\n## Phase 1: Export\n\n### Clean up\n\n#### Step 1. Go\n\n### Title\n\n### 1. Fixed\n"
    )
    #expect(contents.headings == document.headings)
  }

  static let hostile =
    "x\n# injected heading\n```\n<script>alert(1)</script> | [a](javascript:b) \u{1B}[31m\r\u{0}\n- item\n1. one\n> quote"

  static let procedure = Procedure(
    id: "demo", title: "Demo " + hostile, version: "1.0", summary: hostile,
    source: hostile, requirements: Requirements(accesses: [hostile]),
    parameters: [
      Parameter("NAMESPACE", hostile, default: hostile),
      Parameter("MODE", hostile, choices: [hostile]),
    ],
    admonitions: [.warning(hostile)], limitations: [hostile],
    phases: [
      Phase(
        id: "main", title: hostile, runsOn: hostile, summary: hostile,
        preflight: [
          OutputCheck(hostile, command: hostile, expect: .equals(hostile), failure: hostile)
        ],
        sections: [
          Section(
            title: hostile, explanation: hostile, admonitions: [.danger(hostile)],
            steps: [
              Step(
                id: "one", title: hostile, explanation: hostile,
                actions: [
                  .shell(ShellCommand(hostile)), .sql(SQLScript(client: hostile, hostile)),
                  .writeFile(FileWrite(hostile, language: hostile, content: hostile)),
                  .manual(ManualInstruction(hostile)),
                  .wait(WaitCondition(hostile, until: hostile, timeout: hostile)),
                  .check(
                    OutputCheck(hostile, command: hostile, expect: .nonEmpty, failure: hostile)),
                  .choose(Choice(hostile, into: "MODE", from: hostile)),
                ], destroys: hostile),
              Step(id: "two", title: hostile, actions: [.shell(ShellCommand("true"))]),
            ])
        ])
    ],
    corrections: [
      Correction(hostile, source: hostile, problem: hostile, fix: hostile, steps: ["one"])
    ])

  @Test func hostileTextAddsNoStructureToARunbook() {
    let document = RunbookTranslator.translate(Self.procedure, generator: "test")
    let runbook = MarkdownRenderer.render(document)
    #expect(runbook == Runbook.render(Self.procedure, generator: "test"))
    let structure = MarkdownStructure(runbook)
    let headings = structure.kinds.filter {
      if case .heading = $0 { true } else { false }
    }
    #expect(headings.count == document.headings.count)
    #expect(structure.count(.html) == 1)
    #expect(structure.count(.fence) == 2 * Self.codeBlocks(in: document.blocks))
    #expect(!MarkdownStructure.hasHiddenCharacters(runbook))
    for line in MarkdownStructure.unwrappedLines(runbook) {
      let prose = MarkdownStructure.outsideCodeSpans(line)
      #expect(!prose.contains("<script>") && !prose.contains("[a](javascript"), "\(line)")
    }
  }

  @Test func theContentsListIsTheDocumentsHeadings() {
    let document = RunbookTranslator.translate(Self.procedure, generator: "test")
    let listed = document.headings.filter(\.inContents)
    guard case .list(let items)? = Self.blockAfterContents(document) else {
      Issue.record("no contents list after the Contents heading")
      return
    }
    func links(_ items: [ListItem]) -> [MarkdownBlock] {
      items.flatMap { item in
        [item.blocks[0]]
          + item.blocks.dropFirst().flatMap { block -> [MarkdownBlock] in
            guard case .list(let nested) = block else { return [] }
            return links(nested)
          }
      }
    }
    #expect(
      links(items) == listed.map { .paragraph([.link($0.text, target: "#" + $0.anchor)]) })
    #expect(listed.filter { $0.level == 3 && $0.id != nil }.count == 2, "both steps listed")
    #expect(Set(document.headings.map(\.anchor)).count == document.headings.count)
  }

  static func blockAfterContents(_ document: RunbookDocument) -> MarkdownBlock? {
    let index = document.blocks.firstIndex {
      if case .heading(let heading) = $0 { heading.text == [.text("Contents")] } else { false }
    }
    return index.map { document.blocks[$0 + 1] }
  }

  static func codeBlocks(in blocks: [MarkdownBlock]) -> Int {
    blocks.reduce(0) { count, block in
      switch block {
      case .codeBlock: count + 1
      case .list(let items): count + items.reduce(0) { $0 + codeBlocks(in: $1.blocks) }
      case .blockQuote(let inner), .alert(_, let inner): count + codeBlocks(in: inner)
      case .flowchart: count + 1
      case .heading, .paragraph, .table, .htmlComment, .rule: count
      }
    }
  }
}
