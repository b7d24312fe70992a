import Model
import Templates
import Testing

/// What makes a runbook read well: wrapped prose that reads the same,
/// breaks inside code only where no block can start, autolinked
/// addresses, GitHub alerts, escaped Mermaid labels, the source's title.
@Suite struct RunbookReadingTests {
  static func render(_ blocks: [MarkdownBlock]) -> String {
    MarkdownRenderer.render(RunbookDocument(blocks))
  }

  @Test func proseWrapsAt80ColumnsAndReadsTheSame() {
    let words = (1...40).map { "word\($0)" }.joined(separator: " ")
    let output = Self.render([
      .list([ListItem([.text(words + " - 1. then "), .code("kubectl get pods -n mlx")])])
    ])
    let lines = output.dropLast().split(separator: "\n").map(String.init)
    #expect(lines.count > 2)
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(output)")
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
    // No continuation line starts a list: `-` and `1.` at a line start are escaped.
    #expect(
      lines.dropFirst().allSatisfy {
        let text = $0.dropFirst(2)
        return !text.hasPrefix("- ") && !text.hasPrefix("1. ")
      }, "\(output)")
    #expect(
      lines.map { $0.drop { $0 == " " } }.joined(separator: " ").replacingOccurrences(
        of: "\\", with: "") == "- " + words + " - 1. then `kubectl get pods -n mlx`")
  }

  @Test func codeBreaksOnlyBeforeWordsThatOpenNoBlock() {
    #expect(Markdown.codeWords("kubectl get pods") == ["`kubectl", "get", "pods`"])
    // `- x`, `1. x`, `> x`, `# x`, `<p>` and ``` would open a block: no
    // piece starts with one, each starts with a letter.
    #expect(
      Markdown.codeWords("a - x 1. y > z # w <p> ```") == [
        "```` a -", "x 1.", "y >", "z #", "w <p> ``` ````",
      ])
    #expect(Markdown.codeWords("ls --all -l 2 3)") == ["`ls", "--all", "-l", "2 3)`"])
    // Two spaces stay inside one piece: a break there would change the code.
    #expect(Markdown.codeWords("a  b") == ["`a  b`"])
    for text in ["kubectl get pods", "a - x 1. y", "ls --all -l 2 3)", " padded  text "] {
      #expect(Markdown.codeWords(text).joined(separator: " ") == Markdown.code(text))
    }
  }

  @Test func addressesBecomeAutolinksAndNothingElseDoes() {
    #expect(
      Markdown.escaped("See https://example.com/a_b.html, then (http://x.org/p).")
        == "See <https://example.com/a_b.html>, then (<http://x.org/p>).")
    #expect(Markdown.escaped("xhttps://a.b") == "xhttps://a.b")
    #expect(Markdown.escaped("https:// alone") == "https:// alone")
    #expect(Markdown.escaped("https://a.b/<script>") == "<https://a.b/>\\<script\\>")
  }

  @Test func admonitionsAreGitHubAlertsKeptApart() {
    let output = Self.render([
      .alert(.note, [.paragraph([.text("one")])]),
      .alert(.caution, [.paragraph([.text("two\n\nthree")])]),
    ])
    #expect(output == "> [!NOTE]\n> one\n\n<!-- -->\n\n> [!CAUTION]\n> two\n>\n> three\n")
  }

  @Test func stepHeadingsCarryTheirStableAnchor() {
    let heading = Heading(
      level: 3, [.text("Step 1. Go")], contentsDepth: 2, id: RunbookAnchor.step("go-now"))
    let document = RunbookDocument([.heading(heading)])
    #expect(Self.render(document.blocks) == "### <a id=\"step-go-now\"></a>Step 1. Go\n")
    #expect(document.fragments == ["step-1-go", "step-go-now"])
    // An id that is not kebab-case cannot end the attribute.
    let hostile = Heading(level: 3, [.text("x")], contentsDepth: nil, id: "a\"><script>")
    #expect(Self.render([.heading(hostile)]) == "### <a id=\"ascript\"></a>x\n")
  }

  @Test func mermaidLabelsAndIdsCannotBreakTheChart() {
    let hostile = "Wipe \"prod\"] --> x; <b>`end`</b> #1;\nnext \u{1B}"
    let chart = Flowchart(
      groups: [
        .init(
          id: "end", title: hostile,
          nodes: [.init(id: "s1\"]", lines: [hostile, "DESTRUCTIVE"], style: .destructive)])
      ], edges: [.init("s1\"]", "end")])
    let output = Self.render([.flowchart(chart)])
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.first == "```mermaid" && lines.last == "```")
    #expect(lines.count == 9, "\(output)")
    #expect(lines.contains("  subgraph n_end[\"\(Markdown.mermaidLabel(hostile))\"]"))
    #expect(lines.contains("  s1 --> n_end"))
    #expect(lines.contains("  classDef destructive fill:#fde8e8,stroke:#c62828,stroke-width:3px"))
    let label = Markdown.mermaidLabel(hostile)
    #expect(!label.contains("\"") && !label.contains("<") && !label.contains("`"))
    #expect(label.hasPrefix("Wipe #34;prod#34;#93; --#62; x#59; #60;b#62;#96;end#96;"))
  }

  @Test func theSourceIsNamedByItsTitle() {
    func runbook(_ source: String) -> String {
      Runbook.render(
        Procedure(
          id: "demo", title: "Demo", version: "1.0", summary: "S.", source: source,
          phases: [
            Phase(
              id: "main", title: "Main", runsOn: "here",
              sections: [
                Section(
                  title: "Work",
                  steps: [Step(id: "go", title: "Go", actions: [.shell(ShellCommand("true"))])])
              ])
          ]), generator: "test")
    }
    #expect(runbook("The Guide (`shared/seeds/000_x.txt`)").contains("- Source: The Guide\n"))
    // Without a path in parentheses the text is kept whole.
    #expect(runbook("The Guide (`v2`)").contains("- Source: The Guide (`v2`)\n"))
  }
}

extension RunbookReadingTests {
  @Test func aSecretsDefaultIsNeverPrinted() {
    let procedure = Procedure(
      id: "demo", title: "Demo", version: "1.0", summary: "S.",
      parameters: [
        Parameter("TOKEN", "The token.", default: "hunter2-default", secret: true),
        Parameter("PLAIN", "A value.", default: "visible-default"),
      ],
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [
            Section(
              title: "Work",
              steps: [
                Step(id: "go", title: "Go", actions: [.shell(ShellCommand("use \"${TOKEN}\""))])
              ])
          ])
      ])
    let runbook = Runbook.render(procedure, generator: "test")
    #expect(!runbook.contains("hunter2"))
    #expect(runbook.contains("default set, not shown"))
    #expect(runbook.contains("visible-default"))
  }
}
