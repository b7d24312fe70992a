import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The runtime as an operator meets it on a bad day (issue 9): answers come
/// only from the terminal, the state file is data, a step that calls exit
/// fails, and bad run-file paths, stale locks, sh and an unset HOME get a
/// clear error at once.
@Suite struct RuntimeRobustnessTests {
  static let destroy = Step(
    id: "drop", title: "Drop the table", actions: [.shell(ShellCommand("tool drop"))],
    destroys: "the table")
  static let manual = Step(
    id: "look", title: "Look", actions: [.manual(ManualInstruction("Look at the dashboard."))])

  func harness(_ steps: [Step]) throws -> ScriptHarness {
    let procedure = InjectionTests.procedure(steps)
    #expect(procedure.validate().filter { $0.severity == .error } == [])
    return try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool"])
  }

  @Test func pipedAnswersNeverConfirmADestructiveStep() throws {
    let harness = try harness([Self.manual, Self.destroy])
    let result = try harness.run([], piped: "done\nyes\n")
    #expect(result.status == 4)
    #expect(result.standardError.contains("no terminal to answer on"))
    #expect(harness.calls.isEmpty)
  }

  @Test func anAnswerAtTheTerminalConfirms() throws {
    let harness = try harness([Self.manual, Self.destroy])
    let result = try harness.run([], input: "done\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == ["tool drop"])
  }

  @Test func endlessWrongAnswersStopTheRun() throws {
    let harness = try harness([Self.manual])
    let result = try harness.run([], input: String(repeating: "y\n", count: 1000))
    #expect(result.status == 4)
    #expect(result.standardError.contains("no valid answer after 5 tries"))
    #expect(result.standardOutput.components(separatedBy: "Type done").count - 1 == 5)
  }

  @Test func theStateFileIsDataNotCode() throws {
    let harness = try harness([
      InjectionTests.step("one", "tool one"), InjectionTests.step("two", "tool two"),
    ])
    let first = try harness.run(["--only", "one"])
    #expect(first.status == 0, "\(first.standardError)")
    let state = try #require(FileManager.default.subpaths(atPath: harness.folder.file("home")))
      .first { $0.hasSuffix(".state") }
    let path = harness.folder.file("home/\(try #require(state))")
    let hostile =
      "undone $(touch canary)\ncompleted `touch canary`\ncompleted two$(touch canary)\ncomplet"
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(hostile.utf8))
    try handle.close()
    for arguments in [["--resume", "--dry-run"], ["--resume"]] {
      let result = try harness.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.standardError)")
      #expect(result.standardError.contains("names no step of this procedure"))
      #expect(result.standardError.contains("incomplete last line"))
    }
    #expect(harness.folder.read("canary") == nil)
    #expect(harness.commandCalls == ["tool one", "tool two"])
  }

  @Test(arguments: ["plain", "retried", "grouped"])
  func aStepThatCallsExitFailsAndLaterStepsDoNotRun(shape: String) throws {
    var exiting = InjectionTests.step("quit", "tool before\nexit 0\ntool after")
    var second = InjectionTests.step("later", "tool later")
    if shape == "retried" { exiting.retry = Retry(attempts: 2, delaySeconds: 0) }
    if shape == "grouped" {
      exiting.concurrentGroup = "g"
      second.concurrentGroup = "g"
    }
    let third = InjectionTests.step("last", "tool last")
    let harness = try harness([exiting, second, third])
    let result = try harness.run(["--yes"])
    #expect(result.status == 1, "\(result.standardError)")
    // A group member's messages are part of its output, printed when the group ends.
    #expect((result.standardError + result.standardOutput).contains("called exit before it ended"))
    #expect(!result.standardOutput.contains("Done"))
    #expect(!harness.commandCalls.contains("tool last"))
    #expect(!harness.commandCalls.contains("tool after"))
  }

  @Test func shIsToldToUseBash() throws {
    let harness = try harness([InjectionTests.step("one", "tool one")])
    let sh = try #require(ProcessRunner.which("sh"))
    let result = try ProcessRunner.run(sh, [harness.folder.file("migrate.sh"), "--help"])
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "migrate.sh: run this script with bash 5.0 or later (bash migrate.sh), not with sh\n")
  }

  @Test func anUnsetHomeIsAClearError() throws {
    let harness = try harness([InjectionTests.step("one", "tool one")])
    let env = try #require(ProcessRunner.which("env"))
    let result = try ProcessRunner.run(
      env, ["-u", "HOME", ProcessRunner.bash, harness.folder.file("migrate.sh"), "--yes"],
      environment: ["PATH": "\(harness.bin):/usr/bin:/bin", "STUB_DIR": harness.folder.path])
    #expect(result.status == 2)
    #expect(result.standardError.contains("HOME is not set"))
    #expect(harness.calls.isEmpty)
  }

  @Test func aStateFileWithoutAFolderIsCreatedBesideTheScript() throws {
    let harness = try harness([InjectionTests.step("one", "tool one")])
    let result = try harness.run(["--yes", "--state-file", "run.state", "--log-file", "run.log"])
    #expect(result.status == 0, "\(result.standardError)")
    var isDirectory: ObjCBool = true
    #expect(
      FileManager.default.fileExists(
        atPath: harness.folder.file("run.state"), isDirectory: &isDirectory))
    #expect(!isDirectory.boolValue)
    #expect(harness.folder.read("run.log")?.contains("one: completed") == true)
  }

  @Test(arguments: ["a directory", "a missing folder"])
  func aBadRunFilePathIsAnErrorNamingIt(kind: String) throws {
    let harness = try harness([InjectionTests.step("one", "tool one")])
    let path =
      kind == "a directory" ? harness.folder.file("files") : harness.folder.file("nope/run.state")
    for option in ["--state-file", "--log-file"] {
      let result = try harness.run(["--yes", option, path])
      #expect(result.status == 2)
      #expect(result.standardError.contains(path))
      #expect(harness.calls.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: harness.folder.file("nope")))
  }

  @Test func anEmptyLockLeftByAFullDiskIsTakenOverWithinSeconds() throws {
    let harness = try harness([InjectionTests.step("one", "tool one")])
    let state = harness.folder.file("run.state")
    try "".write(toFile: state + ".lock", atomically: false, encoding: .utf8)
    let started = Date()
    let result = try harness.run(["--yes", "--state-file", state])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(Date().timeIntervalSince(started) < 10)
    #expect(harness.commandCalls == ["tool one"])
  }

  @Test func twoRunsOverAStaleLockNeverBothRun() throws {
    for _ in 0..<5 {
      let harness = try harness([InjectionTests.step("one", "tool one")])
      try harness.rule("tool", "one", status: "0", output: "")
      let state = harness.folder.file("run.state")
      try "999999 \(ProcessInfo.processInfo.hostName)\n".write(
        toFile: state + ".lock", atomically: false, encoding: .utf8)
      let first = try harness.start(["--yes", "--state-file", state])
      let second = try harness.start(["--yes", "--state-file", state])
      let results = [first.wait(), second.wait()]
      let ran = results.filter { $0.status == 0 }.count
      #expect(harness.commandCalls.count == ran)
      #expect(ran >= 1 || results.allSatisfy { $0.status == 5 })
    }
  }
}
