import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Preflight asks for the tools of the steps that are to run: a step left
/// out by --from, --to, --only, --skip or its flag needs none of its own,
/// while a selected phase needs the tools of its checks and of its steps'
/// cleanups (which a resumed run takes over).
@Suite struct StepToolsTests {
  static let procedure = Procedure(
    id: "tooled", title: "Tooled", version: "1.0", summary: "Each step runs a tool of its own.",
    parameters: [Parameter("FLAG", "yes to run the third step.", default: "no", kind: .yesNo)],
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here",
        preflight: [
          OutputCheck(
            "the service answers", command: "checktool ping", expect: .nonEmpty,
            failure: "The service does not answer.")
        ],
        sections: [
          Section(
            title: "Work",
            steps: [
              Step(
                id: "first", title: "First", actions: [.shell(ShellCommand("alphatool go"))],
                cleanup: Cleanup("gammatool undo")),
              Step(id: "second", title: "Second", actions: [.shell(ShellCommand("betatool go"))]),
              Step(
                id: "third", title: "Third", actions: [.shell(ShellCommand("deltatool go"))],
                enabledBy: "FLAG"),
            ])
        ])
    ])

  static let tools = ["checktool", "alphatool", "gammatool", "betatool", "deltatool"]

  /// (the tool missing from PATH, the run's arguments, whether preflight
  /// misses it).
  @Test(arguments: [
    ("betatool", [String](), true), ("betatool", ["--only", "first"], false),
    ("betatool", ["--skip", "second"], false), ("betatool", ["--to", "first"], false),
    ("betatool", ["--from", "second"], true), ("betatool", ["--only", "first,second"], true),
    ("deltatool", [], false), ("deltatool", ["--flag", "yes"], true),
    ("deltatool", ["--flag", "yes", "--to", "second"], false),
    ("gammatool", ["--only", "second"], true), ("checktool", ["--only", "second"], true),
  ])
  func preflightNeedsTheToolsOfTheStepsThatRun(missing: String, arguments: [String], needed: Bool)
    throws
  {
    let harness = try ScriptHarness(
      script: BashScript.render(Self.procedure, generator: "test"), stubs: [])
    // A PATH of the runtime's tools, bash (the stubs run with it) and
    // every stub but the missing one.
    let path = try TemporaryFolder()
    defer { path.remove() }
    for tool in ["tee", "rm", "mkdir", "rmdir", "sleep", "bash"] {
      try FileManager.default.createSymbolicLink(
        atPath: path.file(tool), withDestinationPath: try #require(ProcessRunner.which(tool)))
    }
    for tool in Self.tools where tool != missing {
      try FileManager.default.createSymbolicLink(
        atPath: path.file(tool), withDestinationPath: harness.folder.file("stub.bash"))
    }
    try harness.rule("checktool", "ping", output: "pong\n")
    let result = try harness.run(["--yes"] + arguments, path: path.path)
    if needed {
      #expect(result.status == 3, "\(arguments): \(result.standardError)")
      #expect(result.standardError.contains("required tools not found on PATH: \(missing)"))
      #expect(harness.calls.isEmpty)
    } else {
      #expect(result.status == 0, "\(arguments): \(result.standardError)")
      #expect(harness.commandCalls.first == "checktool ping")
      #expect(!harness.commandCalls.contains { $0.hasPrefix(missing) })
    }
  }

  @Test func theModelSeparatesStepToolsFromPhaseTools() {
    let phase = Self.procedure.phases[0]
    #expect(phase.preflightTools == ["checktool"])
    #expect(phase.steps.map(\.actionTools) == [["alphatool"], ["betatool"], ["deltatool"]])
    #expect(phase.steps[0].cleanupTools == ["gammatool"])
    #expect(
      Self.procedure.derivedTools == [
        "alphatool", "betatool", "checktool", "deltatool", "gammatool",
      ]
    )
  }
}
