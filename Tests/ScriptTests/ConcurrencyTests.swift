import Model
import Templates
import TestSupport
import Testing

/// Steps of a concurrent group run at the same time, each failure is
/// reported, and --resume runs only the steps that did not complete.
@Suite struct ConcurrencyTests {
  /// `left` waits (up to 5 s) for the file `right` creates: run one after
  /// the other, left would fail.
  static let procedure = Procedure(
    id: "parallel", title: "Parallel", version: "1.0", summary: "Two steps at once.",
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here",
        sections: [
          Section(
            title: "All",
            steps: [
              Step(
                id: "prepare", title: "Prepare", actions: [.shell(ShellCommand("tool prepare"))]),
              Step(
                id: "left", title: "Left",
                actions: [
                  .shell(
                    ShellCommand(
                      """
                      tool left
                      for _ in {1..100}; do
                        [[ -e right.started ]] && break
                        /bin/sleep 0.05
                      done
                      [[ -e right.started ]]
                      """))
                ], concurrentGroup: "both"),
              Step(
                id: "right", title: "Right",
                actions: [.shell(ShellCommand(": >right.started\ntool right"))],
                concurrentGroup: "both"),
              Step(id: "finish", title: "Finish", actions: [.shell(ShellCommand("tool finish"))]),
            ])
        ])
    ])

  private func harness() throws -> ScriptHarness {
    try ScriptHarness(script: BashScript.render(Self.procedure, generator: "test"), stubs: ["tool"])
  }

  @Test func theStepsOfAGroupRunAtTheSameTime() throws {
    let harness = try harness()
    let result = try harness.run(["--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    let calls = harness.commandCalls
    #expect(calls.first == "tool prepare")
    #expect(calls.last == "tool finish")
    #expect(Set(calls.dropFirst().dropLast()) == ["tool left", "tool right"])
    #expect(
      result.standardOutput.contains(
        "Left: started (left, at the same time as the others of group both)"))
    #expect(result.standardOutput.contains("Output of left:"))
  }

  @Test func eachFailureIsReportedAndResumeRunsOnlyWhatFailed() throws {
    let harness = try harness()
    try harness.rule("tool", "right", status: "1@1", output: "right broke\n")
    let failed = try harness.run(["--yes"])
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("step 3/4 right (Right) failed with exit status 1"))
    #expect(!failed.standardError.contains("left (Left) failed"))
    #expect(failed.standardOutput.contains("    right broke"))
    #expect(!harness.commandCalls.contains("tool finish"))
    harness.clearCalls()
    let resumed = try harness.run(["--yes", "--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(harness.commandCalls == ["tool right", "tool finish"])
  }

  @Test func bothFailuresAreReported() throws {
    let harness = try harness()
    try harness.rule("tool", "left", status: "3")
    try harness.rule("tool", "right", status: "4")
    let failed = try harness.run(["--yes"])
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("left (Left) failed with exit status 3"))
    #expect(failed.standardError.contains("right (Right) failed with exit status 4"))
  }

  @Test func aConcurrentStepMayNotAskAndAGroupMustBeConsecutive() {
    var bad = Self.procedure
    bad.phases[0].sections[0].steps[2].destroys = "everything"
    // prepare, left (both), finish, right (both): the group is split.
    bad.phases[0].sections[0].steps.swapAt(2, 3)
    let rules = bad.validate().map(\.rule)
    #expect(rules.contains("concurrent-prompt"))
    #expect(rules.contains("concurrent-group"))
  }
}
