import Model
import TestSupport
import Testing

@testable import Templates

@Suite struct ShellQuotingTests {
  static let hostile = [
    "", "plain", "it's", #"say "hi""#, "$HOME", "${HOME}", "`id`", "$(id)", #"back\slash"#, "a\nb",
    "tab\there", "*", "?[a]", "-n", "--flag", "  spaced  ", "ünïcödé ✓", "'", "''", "\\", "$'x'",
    "line\n", "\u{7f}del", "\r\n", "!event", "~user", "a;b|c&d", "#comment",
  ]

  @Test func quotedValuesPassThroughBashByteForByte() throws {
    var script = ""
    for value in Self.hostile { script += "printf '%s\\0' \(ShellQuoting.quoted(value))\n" }
    let result = try ProcessRunner.run(ProcessRunner.bash, ["-c", script])
    #expect(result.status == 0)
    var values = result.standardOutput.split(separator: "\0", omittingEmptySubsequences: false).map(
      String.init)
    values.removeLast()
    #expect(values == Self.hostile)
  }

  @Test func quotingRulesReadAsExpected() {
    #expect(ShellQuoting.quoted("") == "''")
    #expect(ShellQuoting.quoted("it's") == #"'it'\''s'"#)
    #expect(ShellQuoting.quoted("a\nb") == #"$'a\nb'"#)
    #expect(ShellQuoting.quoted("costs $5 `now`") == #""costs \$5 \`now\`""#)
  }

  @Test func heredocBodiesExpandOnlyTheNamedReferences() throws {
    let body = BashRenderer.hereDocumentBody(
      [
        .text("ns: "), .expanded("NAMESPACE"),
        .text(#" home: ${HOME} literal: $(id) `x` \n ${UNKNOWN}"#),
      ], quoted: false)
    let script = "NAMESPACE='prod'\nHOME=/h\ncat <<EOF\n\(body)EOF\n"
    let result = try ProcessRunner.run(ProcessRunner.bash, ["-c", script])
    #expect(
      result.standardOutput == #"ns: prod home: ${HOME} literal: $(id) `x` \n ${UNKNOWN}"# + "\n")
  }

  @Test func doubleQuotedTemplatesKeepLiteralsLiteral() throws {
    let word = ShellQuoting.doubleQuoted(Template(#"${HOME}/dir "$x" `y` \z"#))
    let result = try ProcessRunner.run(ProcessRunner.bash, ["-c", "HOME=/h; printf '%s' \(word)"])
    #expect(result.standardOutput == #"/h/dir "$x" `y` \z"#)
  }
}
