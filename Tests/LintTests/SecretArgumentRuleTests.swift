import Commands
import Lint
import Model
import Testing

/// A secret passed to a program as an argument, where `ps` shows it
/// (`secret-argument`), is warned with the step and the program; in the
/// environment or on standard input it passes.
@Suite struct SecretArgumentRuleTests {
  static let parameters = [
    Parameter("TOKEN", "The token.", required: true, secret: true),
    Parameter("TOKEN_ID", "Not secret.", default: "id"),
  ]

  static func findings(_ command: String) -> [Diagnostic] {
    LintTests.linter.lint(
      LintTests.procedure([LintTests.shell("call", command)], parameters: parameters)
    ).filter { $0.rule == "secret-argument" }
  }

  @Test(arguments: [
    (#"curl -H "Authorization: Bearer ${TOKEN}" https://x"#, "curl"),
    (#"psql -v pw="$TOKEN""#, "psql"),
    (#"kubectl create secret generic s --from-literal=token="${TOKEN:-}""#, "kubectl"),
    (#"echo ok | tool login --token "${TOKEN}""#, "tool"),
    (#"out=$(tool login "$TOKEN")"#, "tool"),
  ])
  func aSecretArgumentIsWarnedWithItsProgram(command: String, program: String) {
    let found = Self.findings(command)
    #expect(found.map(\.step) == ["call"], "\(found)")
    #expect(found.first?.severity == .warning)
    #expect(found.first?.message.contains("TOKEN is passed to \(program) as an argument") == true)
  }

  @Test(arguments: [
    #"TOKEN="${TOKEN}" tool login"#, #"printf '%s\n' "${TOKEN}" | tool login --token-stdin"#,
    #"tool login --id "${TOKEN_ID}""#, #"tool login --id "$TOKEN_ID""#,
  ])
  func theEnvironmentStandardInputOrAnotherNamePass(command: String) {
    #expect(Self.findings(command) == [])
  }
}
