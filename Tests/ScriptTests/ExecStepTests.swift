import Foundation
import Model
import Templates
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A step that is one plain command of a program runs as that program: the
/// script's child is the program itself (`exec`), not a copy of the
/// script's shell that forks it. Anything else runs as written, in a
/// subshell.
@Suite struct ExecStepTests {
  static func procedure(_ commands: [String]) -> Procedure {
    // The first step runs in the script's own shell and writes its PID.
    let first = Step(
      id: "note-pid", title: "Note the script's PID",
      actions: [.shell(ShellCommand(#"printf '%s\n' "$$" >"${STUB_DIR}/script.pid""#))])
    let steps = commands.enumerated().map { index, command in
      Step(
        id: "step-\(index + 1)", title: "Step \(index + 1)",
        actions: [.shell(ShellCommand(command))])
    }
    return Procedure(
      id: "exec", title: "Exec", version: "1.0", summary: "Steps of one command and more.",
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [Section(title: "All", steps: [first] + steps)])
      ],
      stateDirectory: "${STUB_DIR}")
  }

  /// The step function of `command` in the rendered script, its body lines.
  static func body(of command: String) -> [String] {
    let script = BashScript.render(procedure([command]), generator: "test")
    let lines = script.components(separatedBy: "\n")
    guard let start = lines.firstIndex(of: "step_step_1() {") else { return [] }
    return Array(lines[(start + 1)...].prefix { $0 != "}" })
  }

  @Test(arguments: [
    "parent-of one",
    "parent-of 'SELECT 1; SELECT 2' \"a | b\" --x=\\;",
    "/usr/bin/env true",
    "parent-of \\\n  --long-option",
  ])
  func onePlainCommandOfAProgramIsExeced(command: String) {
    let code = Self.body(of: command).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.hasPrefix("#") }
    #expect(code.first == "exec " + command.components(separatedBy: "\n")[0])
  }

  @Test(arguments: [
    "parent-of one | parent-of two", "parent-of one; parent-of two",
    "parent-of one && parent-of two",
    "parent-of one >/dev/null", "parent-of \"$(parent-of two)\"", "parent-of `date`",
    "FOO=1 parent-of one", "( parent-of one )", "{ parent-of one; }",
    "if parent-of one; then :; fi",
    "parent-of one &", "! parent-of one", "say hello", "warn hello", "step_other_step",
    "timeout 5 parent-of one", "\"${CLI}\" migrate", "parent-of one\nparent-of two",
    "parent-of one # a comment", "printf '%s\\n' builtin",
  ])
  func anythingElseRunsAsWritten(command: String) {
    let body = Self.body(of: command)
    #expect(!body.contains { $0.contains("exec") }, "\(body)")
  }

  /// `parent-of NAME` writes NAME and its parent's PID.
  static let parentOf = """
    #!/bin/bash
    printf '%s %s\\n' "$1" "$PPID" >>"${STUB_DIR}/parents"
    [[ $1 != fail ]] || exit 7
    if [[ $1 == hang ]]; then
      printf '%s\\n' "$$" >"${STUB_DIR}/hang.pid"
      exec /bin/sleep 60
    fi

    """

  func harness(_ commands: [String]) throws -> ScriptHarness {
    let harness = try ScriptHarness(
      script: BashScript.render(Self.procedure(commands), generator: "test"), stubs: [])
    try harness.folder.write(Self.parentOf, to: "bin/parent-of", executable: true)
    return harness
  }

  @Test func theExecedProgramIsTheScriptsOwnChildAndAnyOtherStepsIsItsGrandchild() throws {
    let harness = try harness(["parent-of alone", "parent-of first; parent-of second"])
    let result = try harness.run(["--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    let script = try #require(harness.folder.read("script.pid")).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let parents = Dictionary(
      uniqueKeysWithValues: (harness.folder.read("parents") ?? "").split(separator: "\n").map {
        let words = $0.split(separator: " ")
        return (String(words[0]), String(words[1]))
      })
    #expect(parents["alone"] == script)
    #expect(parents["first"] != nil && parents["first"] != script)
    #expect(parents["first"] == parents["second"])
    #expect(result.standardOutput.contains("step-1: completed"))
    #expect(result.standardOutput.contains("step-2: completed"))
  }

  @Test func anExecedStepThatFailsFailsTheRunWithItsStatusAndResumeRunsItAgain() throws {
    let commands = ["parent-of fail", "parent-of after"]
    let harness = try harness(commands)
    let failed = try harness.run(["--yes"])
    #expect(failed.status == 1)
    let steps = Self.procedure(commands).orderedSteps.map(\.step)
    let failing = try #require(steps.firstIndex { $0.id == "step-1" })
    #expect(
      failed.standardError.contains(
        "step \(failing + 1)/\(steps.count) step-1 (Step 1) failed with exit status 7"))
    #expect(harness.folder.read("parents")?.contains("after") == false)
    try harness.folder.write(
      Self.parentOf.replacingOccurrences(of: "exit 7", with: "true"), to: "bin/parent-of",
      executable: true)
    let resumed = try harness.run(["--yes", "--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let names = (harness.folder.read("parents") ?? "").split(separator: "\n").map {
      $0.split(separator: " ")[0]
    }
    #expect(names == ["fail", "fail", "after"])
  }

  @Test func sigtermWhileAnExecedStepRunsIsHandledAtOnceAndStopsTheProgram() throws {
    let harness = try harness(["parent-of hang", "parent-of after"])
    let run = try harness.start(["--yes"])
    // The program has written its PID: it is about to become the sleep.
    let pid = try #require(
      Poll.value(within: 20) {
        harness.folder.read("hang.pid").flatMap {
          Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
      })
    let begun = Date()
    run.signal(SIGTERM)
    let result = run.wait()
    #expect(result.status == 143)
    #expect(Date().timeIntervalSince(begun) < 20)
    #expect(result.standardError.contains("interrupted by SIGTERM during step step-1"))
    // The program, which became the sleep, is stopped with the run.
    #expect(Poll.until(within: 2) { kill(pid, 0) != 0 }, "the step's program \(pid) still runs")
  }
}
