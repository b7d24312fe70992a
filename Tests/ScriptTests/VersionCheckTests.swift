import Model
import Templates
import TestSupport
import Testing

/// `Expectation.versionAtLeast`: a check that a tool is recent enough,
/// comparing the version it prints part by part as numbers.
@Suite struct VersionCheckTests {
  static let procedure = Procedure(
    id: "versioned", title: "Versioned", version: "1.0", summary: "Needs tool 1.9.1 or later.",
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here",
        preflight: [
          OutputCheck(
            "tool is 1.9.1 or later", command: "tool version", expect: .versionAtLeast("1.9.1"),
            failure: "This tool is too old: install 1.9.1 or later.")
        ],
        sections: [
          Section(
            title: "Work",
            steps: [Step(id: "work", title: "Work", actions: [.shell(ShellCommand("tool work"))])])
        ])
    ])

  /// (what `tool version` prints, whether it is 1.9.1 or later).
  @Test(arguments: [
    ("1.9.1\n", true), ("1.10.0\n", true), ("1.9.12\n", true), ("2\n", true),
    ("2.0.0-rc1\n", true), ("v1.9.2\n", true), ("1.9.1rc1\n", true), ("1.9.1.1\n", true),
    ("1.09.1\n", true), ("  1.9.1\n", true), ("1.9.0\n", false), ("1.8.7\n", false),
    ("1.9\n", false), ("0.99.99\n", false), ("unknown\n", false), ("", false),
    ("version 1.9.1\n", false),
  ])
  func theVersionIsComparedAsNumbers(output: String, passes: Bool) throws {
    let harness = try ScriptHarness(
      script: BashScript.render(Self.procedure, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "version", output: output)
    let result = try harness.run(["--yes"])
    if passes {
      #expect(result.status == 0, "\(output): \(result.standardError)")
      #expect(harness.commandCalls == ["tool version", "tool work"])
    } else {
      #expect(result.status == 3, "\(output)")
      #expect(result.standardError.contains("This tool is too old"))
      #expect(result.standardError.contains("expected: version 1.9.1 or later"))
      #expect(result.standardError.contains("preflight failed: tool is 1.9.1 or later"))
      #expect(harness.commandCalls == ["tool version"])
    }
  }

  @Test func theRunbookStatesTheMinimum() {
    // Prose is wrapped: read the lines joined (a list item's with their indent).
    let runbook = Runbook.render(Self.procedure, generator: "test")
      .replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
    #expect(runbook.contains("`tool version` must print version `1.9.1` or later"))
  }

  @Test(arguments: ["1.x", "", "1..2", ".1", "v1.9.1", "1.9.1-rc1"])
  func aMinimumThatIsNotAVersionIsAnError(minimum: String) {
    var broken = Self.procedure
    broken.phases[0].preflight[0].expectation = .versionAtLeast(minimum)
    #expect(
      broken.validate().contains {
        $0.rule == "invalid-version" && $0.message.contains("'\(minimum)'")
      })
    #expect(!Self.procedure.validate().contains { $0.severity == .error })
  }
}
