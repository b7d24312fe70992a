import Foundation
import Model
import Templates
import TestSupport
import Testing

/// A secret is never needed on the command line (issue 13): it comes from
/// its environment variable, from `--NAME-file PATH`, or from a prompt on
/// the terminal that does not echo; a check against it shows neither value;
/// help does not print its default.
@Suite struct SecretInputTests {
  static let secret = "s3cret-Value"

  static let procedure = Procedure(
    id: "secretive", title: "Secretive", version: "1.0", summary: "Uses a token.",
    parameters: [
      Parameter("TOKEN", "The API token.", required: true, secret: true),
      Parameter("PIN", "A pin with a default.", default: "0000", secret: true),
    ],
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here",
        preflight: [
          OutputCheck(
            "the vault hands out the token", command: "tool vault-token",
            expect: .equalsParameter("TOKEN"), failure: "The vault's token is not TOKEN.")
        ],
        sections: [
          Section(
            title: "Work",
            steps: [
              Step(
                id: "use-token", title: "Use the token",
                actions: [.shell(ShellCommand("TOKEN=\"${TOKEN}\" tool use"))]),
              Step(
                id: "show-config", title: "Show the config",
                actions: [.shell(ShellCommand("tool show; tool show >&2"))]),
            ])
        ])
    ])

  /// A harness whose `tool use` prints the token it got from its
  /// environment, and whose vault hands out `vault`.
  static func harness(vault: String = secret) throws -> ScriptHarness {
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "vault-token", output: vault + "\n")
    try harness.folder.write(
      """
      #!/usr/bin/env bash
      # What tool use got from its environment; every other call to the rules.
      [[ $1 == use ]] || exit 125
      printf 'token=%s\\n' "${TOKEN}" >"${STUB_DIR}/used"
      """, to: "emulators/tool", executable: true)
    return harness
  }

  static func used(_ harness: ScriptHarness) -> String? {
    (try? String(contentsOfFile: harness.folder.file("used"), encoding: .utf8))
  }

  @Test func aSecretFileGivesTheValueWithoutItsFinalNewline() throws {
    let harness = try Self.harness()
    try harness.folder.write(Self.secret + "\n", to: "token.txt")
    let run = try harness.run(["--yes", "--token-file", harness.folder.file("token.txt")])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(Self.used(harness) == "token=\(Self.secret)\n")
    #expect(!(run.standardOutput + run.standardError).contains(Self.secret))
  }

  @Test func aSecretGivenTwiceOrFromAMissingFileIsAUsageError() throws {
    let harness = try Self.harness()
    try harness.folder.write(Self.secret, to: "token.txt")
    let twice = try harness.run(
      ["--yes", "--token-file", harness.folder.file("token.txt")],
      environment: ["TOKEN": "other"])
    #expect(twice.status == 2)
    #expect(twice.standardError.contains("TOKEN is given twice"))
    let missing = try harness.run(["--yes", "--token-file=/nonexistent/token"])
    #expect(missing.status == 2)
    #expect(missing.standardError.contains("--token-file /nonexistent/token: not a readable file"))
    #expect(Self.used(harness) == nil)
  }

  @Test func aMissingSecretIsAskedForOnTheTerminalWithoutEcho() throws {
    let harness = try Self.harness()
    let run = try harness.run(["--yes"], input: Self.secret + "\n")
    #expect(run.status == 0, "\(run.standardOutput)")
    // The prompt goes to the terminal itself, which the harness does not
    // keep (its echo is off anyway); what reaches output and log must not
    // hold the answer.
    #expect(!(run.standardOutput + run.standardError).contains(Self.secret))
    let log = try #require(harness.tree("home").first { $0.key.hasSuffix(".log") }?.value)
    #expect(log.contains("use-token: completed"))
    #expect(!log.contains(Self.secret))
    #expect(Self.used(harness) == "token=\(Self.secret)\n")
  }

  @Test func withoutATerminalAMissingSecretSaysHowToGiveIt() throws {
    let harness = try Self.harness()
    let run = try harness.run(["--yes"])
    #expect(run.status == 2)
    #expect(
      run.standardError.contains(
        "missing required secret TOKEN: set TOKEN, give --token-file PATH, or run on a terminal to be asked"
      ))
  }

  @Test func aFailedCheckAgainstASecretShowsNeitherValue() throws {
    let harness = try Self.harness(vault: "s3cret-Valve")
    let run = try harness.run(["--yes"], environment: ["TOKEN": Self.secret])
    #expect(run.status == 3)
    #expect(run.standardError.contains("The vault's token is not TOKEN."))
    #expect(run.standardError.contains("neither value is shown"))
    #expect(!(run.standardOutput + run.standardError).contains("s3cret-Val"))
  }

  /// A command that prints the secret (a tool echoing its config) shows
  /// *** instead, on the terminal's output, its errors and in the log.
  @Test func whatACommandPrintsIsMaskedOnTheTerminalAndInTheLog() throws {
    let harness = try Self.harness()
    try harness.rule("tool", "show", output: "token: \(Self.secret) (and \(Self.secret))\n")
    let run = try harness.run(["--yes"], environment: ["TOKEN": Self.secret])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("token: *** (and ***)\n"))
    #expect(run.standardError.contains("token: *** (and ***)\n"))
    let log = try #require(harness.tree("home").first { $0.key.hasSuffix(".log") }?.value)
    #expect(log.contains("token: *** (and ***)"))
    #expect(!(run.standardOutput + run.standardError + log).contains(Self.secret))
  }

  enum Source: String, CaseIterable, Sendable { case file, prompt }

  /// Given by file or at the prompt, the secret is in no process's argv
  /// while the step that uses it runs (what `ps` shows, read from inside
  /// that step), nor on the terminal, in the log, the state file or the run
  /// record, although a tool prints it.
  @Test(arguments: Source.allCases)
  func aSecretIsInNoArgumentListNorAnyFileTheRunWrites(_ source: Source) throws {
    let harness = try Self.harness()
    try harness.rule("tool", "show", output: "token: \(Self.secret)\n")
    try harness.folder.write(
      """
      #!/usr/bin/env bash
      # tool use: records every process's arguments as ps shows them, then
      # what it got from its environment; every other call to the rules.
      [[ $1 == use ]] || exit 125
      ps -eo args= >"${STUB_DIR}/ps.txt"
      printf 'token=%s\\n' "${TOKEN}" >"${STUB_DIR}/used"
      """, to: "emulators/tool", executable: true)
    let run: ProcessResult
    switch source {
    case .file:
      try harness.folder.write(Self.secret, to: "token.txt")
      run = try harness.run(["--yes", "--token-file", harness.folder.file("token.txt")])
    case .prompt:
      run = try harness.run(["--yes"], input: Self.secret + "\n")
    }
    #expect(run.status == 0, "\(run.standardError)")
    #expect(Self.used(harness) == "token=\(Self.secret)\n")
    let processes = try #require(harness.folder.read("ps.txt"))
    #expect(processes.contains("migrate.sh"), "ps saw no script: \(processes)")
    #expect(!processes.contains(Self.secret), "\(processes)")
    #expect(!(run.standardOutput + run.standardError).contains(Self.secret))
    #expect(run.standardOutput.contains("token: ***"), "\(run.standardOutput)")
    let written = harness.tree("home")
    for suffix in [".log", ".state", ".record.jsonl"] {
      #expect(written.keys.contains { $0.hasSuffix(suffix) }, "no \(suffix) in \(written.keys)")
    }
    for (path, contents) in written {
      #expect(!contents.contains(Self.secret), "\(path) holds the secret")
    }
  }

  /// A secret a tool prints in two pieces, the second well after the
  /// masking filter passed the first on (it passes a line on after a fifth of
  /// a second without more), is masked whole; a prompt-like line without a
  /// newline still shows.
  @Test func aSecretPrintedInTwoPiecesIsMaskedWhole() throws {
    let harness = try Self.harness()
    let half = Self.secret.count / 2
    try harness.folder.write(
      """
      #!/usr/bin/env bash
      # tool show: the token in two pieces, 0.6 s apart, then a line without
      # a newline; every other call to the rules.
      [[ $1 == show ]] || exit 125
      printf 'token: %s' '\(Self.secret.prefix(half))'
      /bin/sleep 0.6
      printf '%s (end)\\n' '\(Self.secret.dropFirst(half))'
      printf 'no newline: '
      """, to: "emulators/tool", executable: true)
    let run = try harness.run(["--yes"], environment: ["TOKEN": Self.secret])
    #expect(run.status == 0, "\(run.standardError)")
    let log = try #require(harness.tree("home").first { $0.key.hasSuffix(".log") }?.value)
    for text in [run.standardOutput, run.standardError, log] {
      #expect(text.contains("token: *** (end)\n"), "\(text)")
      #expect(text.contains("no newline: "), "\(text)")
      #expect(!text.contains(Self.secret.prefix(half)), "\(text)")
    }
  }

  @Test func helpDoesNotPrintASecretsDefault() throws {
    let help = try Self.harness().run(["--help"])
    #expect(help.status == 0)
    #expect(help.standardOutput.contains("has a default, not shown"))
    #expect(help.standardOutput.contains("--pin-file"))
    #expect(!help.standardOutput.contains("0000"))
  }

  @Test func aChoiceIntoASecretAndAFlagThatShadowsTheFileFlagAreRefused() {
    var procedure = Self.procedure
    procedure.parameters.append(Parameter("TOKEN_FILE", "Shadows --token-file."))
    procedure.phases[0].sections[0].steps.append(
      Step(
        id: "pick", title: "Pick",
        actions: [.choose(Choice("the token", into: "TOKEN", from: "tool list"))]))
    let codes = procedure.validate().filter { $0.severity == .error }.map(\.rule)
    #expect(codes.contains("duplicate-flag"))
    #expect(codes.contains("secret-choice"))
  }
}
