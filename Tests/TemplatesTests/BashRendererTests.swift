import Model
import TestSupport
import Testing

@testable import Templates

/// Each node type of the script document, printed with hostile text: what
/// bash reads back is the text, and nothing in it runs.
@Suite struct BashRendererTests {
  static let hostile = [
    "plain", "it's", #"say "hi""#, "$(touch canary)", "`touch canary`", #"back\slash"#,
    "a\ntouch canary", "\r", "\u{1B}[31mred", "```", "EOF", "SQL", "PLAN", "TEXT", "<script>",
    "-n", "", "ünïcödé ✓", String(repeating: "x", count: 5000),
  ]

  func render(_ nodes: [ScriptNode]) -> String { BashRenderer.render(ScriptDocument(nodes)) }

  /// Runs `script` in a fresh folder and returns its standard output; no
  /// canary may appear.
  func run(_ script: String) throws -> String {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try ProcessRunner.run(ProcessRunner.bash, ["-c", script], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.read("canary") == nil, "a canary was created by:\n\(script)")
    return result.standardOutput
  }

  @Test func aCommentPrefixesEveryLineAndShowsControlCharacters() throws {
    for text in Self.hostile {
      let script = render([.comment(text), .statement([.code("printf ok")])])
      for line in script.split(separator: "\n").dropLast() { #expect(line.hasPrefix("#")) }
      #expect(!script.unicodeScalars.contains { $0.value == 0x1B || $0 == "\r" })
      #expect(try run(script) == "ok")
    }
  }

  @Test func literalWordsAndArraysStandForTheirText() throws {
    for text in Self.hostile {
      let script = render([
        .array(name: "A", elements: [.literal(text), .literal(text)], multiline: true),
        .assignment(name: "B", value: .literal(text)),
        .statement([.code("printf '%s|%s|%s'"), .code(#""${A[0]}" "${A[1]}" "${B}""#)]),
      ])
      #expect(try run(script) == "\(text)|\(text)|\(text)")
    }
  }

  @Test func interpolatedWordsExpandOnlyTheirVariables() throws {
    for text in Self.hostile {
      let word = ShellWord.interpolated([.text(text), .variable("V"), .text(text)])
      let script = render([
        .assignment(name: "V", value: .literal("<v>")),
        .statement([.code("printf '%s'"), word]),
      ])
      #expect(try run(script) == "\(text)<v>\(text)")
    }
  }

  @Test func aVariableThatIsNotAnIdentifierIsShownNotExpanded() throws {
    let word = ShellWord.interpolated([.variable("X}$(touch canary)")])
    #expect(try run(render([.statement([.code("printf '%s'"), word])])) == "${X}$(touch canary)}")
  }

  @Test func bareWordsStayBareOnlyWhenSafe() {
    #expect(BashRenderer.spell(.bare("export")) == "export")
    #expect(BashRenderer.spell(.bare("--name=a,b")) == "--name=a,b")
    #expect(BashRenderer.spell(.bare("a b")) == "'a b'")
    #expect(BashRenderer.spell(.bare("$(x)")) == #""\$(x)""#)
    #expect(BashRenderer.spell(.bare("")) == "''")
  }

  @Test func associativeArrayKeysAndValuesAreQuoted() throws {
    for text in Self.hostile where !text.isEmpty {
      let script = render([
        .associativeArray(name: "M", entries: [ShellMapEntry(.literal(text), .literal(text))]),
        .assignment(name: "K", value: .literal(text)),
        .statement([.code(#"printf '%s' "${M[${K}]}""#)]),
      ])
      #expect(try run(script) == text)
    }
  }

  @Test func hereDocumentsChooseATerminatorNoBodyLineEquals() throws {
    for text in Self.hostile {
      let body = "\(text)\nEOF\nEOF_1\n\(text)"
      for quoted in [true, false] {
        let script = render([
          .assignment(name: "V", value: .literal("<v>")),
          .function(
            name: "show",
            body: [
              .hereDocument(
                command: [.code("cat")], body: [.text(body), .expanded("V")], quoted: quoted,
                base: "EOF")
            ]),
          .statement([.code("show")]),
        ])
        #expect(try run(script) == body + (quoted ? "${V}" : "<v>") + "\n")
      }
    }
  }

  @Test func userShellOfSeveralLinesIsNeverReindented() {
    let command = "cat <<EOF\n  body\nEOF"
    let script = render([.function(name: "f", body: [.userShell(command), .userShell("true")])])
    #expect(script == "f() {\ncat <<EOF\n  body\nEOF\n  true\n}\n")
  }

  @Test func anEmptyFunctionHasABody() throws {
    let script = render([.function(name: "f", body: []), .statement([.code("f")])])
    #expect(script.contains("f() {\n  :\n}"))
    #expect(try run(script) == "")
  }

  @Test func blocksAndCaseArmsIndentTheirBodies() {
    let script = render([
      .block(
        opening: [.code("case $1 in")],
        body: [.caseArm(pattern: "a", body: [.statement([.code("true")])])], closing: "esac")
    ])
    #expect(script == "case $1 in\n  a)\n    true\n    ;;\nesac\n")
  }
}
