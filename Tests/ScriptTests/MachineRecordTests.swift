import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The run record (issue 13): the JSON lines every run appends beside its
/// log, read back by `gen-migration report`.
@Suite struct MachineRecordTests {
  static let secret = "s3cr3t-\"value\"-\\x"
  static let hostileTitle = #"Say "hi" \ back\slash ünïcødé ✓ $(rm -rf /) `x` ${y} 'q'"#
  /// What the operator types at the manual step before "done": quotes,
  /// backslashes, a tab, an escape character, non-ASCII.
  static let hostileAnswer = "not \"done\" \\n \\ \t tab \u{1B}[31m ünï ✓ {\"a\":1}"

  static let procedure = InjectionTests.procedure(
    [
      InjectionTests.step("first", "tool first"),
      Step(
        id: "look", title: hostileTitle,
        actions: [.manual(ManualInstruction("Look at \"it\" \\ closely."))]),
      Step(
        id: "drop-it", title: "Drop it", actions: [.shell(ShellCommand("tool drop"))],
        destroys: "the old copy"),
      InjectionTests.step("last", "tool last"),
    ],
    parameters: [
      Parameter("TOKEN", "A token.", required: true, secret: true),
      Parameter("LABEL", "A label.", default: "plain"),
    ])

  static func harness() throws -> ScriptHarness {
    #expect(procedure.validate().filter { $0.severity == .error } == [])
    return try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool"])
  }

  static func folder(_ harness: ScriptHarness) -> String {
    harness.folder.file("home/.gen-migration/injection")
  }

  /// Every line of the record, parsed as Foundation parses JSON.
  static func events(_ harness: ScriptHarness) throws -> [[String: Any]] {
    let text = try #require(
      harness.folder.read("home/.gen-migration/injection/injection.record.jsonl"))
    #expect(text.hasSuffix("\n"))
    return try text.split(separator: "\n").map { line in
      try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  static func mode(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
  }

  @Test func aCleanRunRecordsEveryStepEveryAnswerAndNoSecret() throws {
    let harness = try Self.harness()
    let result = try harness.run(
      ["--token", Self.secret], input: "\(Self.hostileAnswer)\ndone\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    let events = try Self.events(harness)
    let text = try #require(
      harness.folder.read("home/.gen-migration/injection/injection.record.jsonl"))
    #expect(!text.contains("s3cr3t"))
    #expect(
      events.map { $0["event"] as? String } == [
        "run-started", "step-started", "step-ended", "step-started", "answer", "answer",
        "step-ended", "step-started", "answer", "step-ended", "step-started", "step-ended",
        "run-ended",
      ])
    let start = events[0]
    #expect(start["procedure"] as? String == "injection")
    #expect(start["version"] as? String == "1.0")
    #expect(start["fingerprint"] as? String == Self.procedure.fingerprint)
    #expect(start["phases"] as? [String] == ["main"])
    #expect(start["resume"] as? Bool == false)
    #expect(start["parameters"] as? [String: String] == ["TOKEN": "***", "LABEL": "plain"])
    let ended = events.filter { $0["event"] as? String == "step-ended" }
    #expect(ended.map { $0["step"] as? String } == Self.procedure.orderedSteps.map(\.step.id))
    for event in ended {
      #expect(event["status"] as? String == "completed")
      #expect(event["exit"] as? Int == 0)
      #expect(event["attempts"] as? Int == 1)
    }
    let titles = events.filter { $0["event"] as? String == "step-started" }.map {
      $0["title"] as? String
    }
    #expect(titles[1] == Self.hostileTitle)
    let answers = events.filter { $0["event"] as? String == "answer" }
    #expect(answers.map { $0["answer"] as? String } == [Self.hostileAnswer, "done", "yes"])
    #expect(answers.map { $0["step"] as? String } == ["look", "look", "drop-it"])
    #expect(answers[0]["prompt"] as? String == "Type done when it is done:")
    #expect(events.last?["status"] as? Int == 0)
    // The log has each answer on the line of its prompt, not run into the next record.
    let log = try #require(harness.folder.read("home/.gen-migration/injection/injection.log"))
    #expect(log.contains("anything else to stop:   Answered: yes\n"))
    #expect(log.contains("Type done when it is done:   Answered: done\n"))
    #expect(log.contains("Type done when it is done:   Answered: \(Self.hostileAnswer)\n"))
    for file in ["injection.record.jsonl", "injection.log", "injection.state"] {
      #expect(try Self.mode(Self.folder(harness) + "/" + file) == 0o600, "\(file)")
    }
    // The report reads it back, and every step completed.
    let report = GenMigration.run(
      ["report", Self.folder(harness) + "/injection.record.jsonl"], catalog: [Self.procedure])
    #expect(report.status == 0, "\(report.standardError)")
    #expect(report.standardOutput.contains("  parameters: LABEL=plain, TOKEN=***\n"))
    #expect(
      report.standardOutput.contains(
        "    drop-it: Type yes to destroy the old copy, anything else to stop: yes\n"))
    #expect(
      report.standardOutput.hasSuffix("4 steps: 4 completed, 0 failed, 0 skipped, 0 missing.\n"))
  }

  @Test func aFailedRunThenItsResumeAreTwoRunsOfOneRecord() throws {
    let harness = try Self.harness()
    try harness.rule("tool", "last", status: "1@1")
    let first = try harness.run(["--yes", "--skip", "look"], environment: ["TOKEN": Self.secret])
    #expect(first.status == 1)
    let second = try harness.run(
      ["--yes", "--skip", "look", "--resume"], environment: ["TOKEN": Self.secret])
    #expect(second.status == 0, "\(second.standardError)")
    let events = try Self.events(harness)
    let starts = events.indices.filter { events[$0]["event"] as? String == "run-started" }
    #expect(starts.count == 2)
    let (run1, run2) = (events[..<starts[1]], events[starts[1]...])
    let failed = try #require(run1.last { $0["event"] as? String == "step-ended" })
    #expect(failed["step"] as? String == "last")
    #expect(failed["status"] as? String == "failed")
    #expect(failed["exit"] as? Int == 1)
    #expect(run1.last?["status"] as? Int == 1)
    #expect(run2.first?["resume"] as? Bool == true)
    let skipped = run2.filter { $0["event"] as? String == "step-skipped" }.map {
      "\($0["step"] ?? "") \($0["reason"] ?? "")"
    }
    #expect(
      skipped == ["first completed-earlier", "look not-selected", "drop-it completed-earlier"])
    #expect(run2.last?["status"] as? Int == 0)
    let record = Self.folder(harness) + "/injection.record.jsonl"
    let report = GenMigration.run(["report", record], catalog: [Self.procedure])
    #expect(report.status == 0, "\(report.standardError)")
    let comparison = try #require(
      report.standardOutput.components(separatedBy: "Compared with ").last)
    #expect(
      comparison == """
        injection 1.0 (model \(Self.procedure.fingerprint)):
          #  step     over all runs
          1  first    completed (run 1)
          2  look     skipped (not-selected) (run 2)
          3  drop-it  completed (run 1)
          4  last     completed (run 2)
        4 steps: 3 completed, 0 failed, 1 skipped, 0 missing.

        """)
    // The seconds column is the wall clock's: 0, or 1 across a second's turn.
    #expect(
      report.standardOutput.split(separator: "\n").contains {
        $0.hasPrefix("  4  last     failed (exit status 1)  1         ")
      })
    // Against a procedure with one more step, that step is missing.
    var longer = Self.procedure
    longer.phases[0].sections[0].steps.append(InjectionTests.step("after", "tool after"))
    let missing = GenMigration.run(["report", record], catalog: [longer])
    #expect(missing.status == 1)
    #expect(missing.standardOutput.contains("  5  after    missing: no run reached it\n"))
    #expect(
      missing.standardOutput.contains(
        "model \(Self.procedure.fingerprint), not \(longer.fingerprint)"))
  }

  /// A run that stops inside a cleanup's scope records the steps the
  /// cleanup undoes (before it acts) and the cleanup itself; the report says
  /// they are undone, not completed, until a resumed run completes them.
  @Test func stepsACleanupUndoesAreRecordedAndReportedUndone() throws {
    let procedure = InjectionTests.procedure([
      Step(
        id: "make-pod", title: "Make the pod", actions: [.shell(ShellCommand("tool make"))],
        cleanup: Cleanup("tool unmake", until: "drop-pod")),
      InjectionTests.step("use-pod", "tool use"),
      InjectionTests.step("check-pod", "tool check"),
      InjectionTests.step("drop-pod", "tool unmake"),
    ])
    #expect(procedure.validate().filter { $0.severity == .error } == [])
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "check", status: "1@1")
    let first = try harness.run(["--yes"])
    #expect(first.status == 1, "\(first.standardError)")
    let events = try Self.events(harness)
    let tail = events.filter {
      ["step-undone", "cleanup", "run-ended"].contains($0["event"] as? String ?? "")
    }.map { "\($0["event"] ?? "") \($0["step"] ?? "") \($0["cleanup"] ?? $0["status"] ?? "")" }
    #expect(
      tail == [
        "step-undone make-pod make-pod", "step-undone use-pod make-pod",
        "cleanup make-pod completed", "run-ended  1",
      ])
    #expect(harness.commandCalls.last == "tool unmake")
    let record = Self.folder(harness) + "/injection.record.jsonl"
    let stopped = GenMigration.run(["report", record], catalog: [procedure])
    #expect(stopped.status == 1, "\(stopped.standardError)")
    #expect(stopped.standardOutput.contains("  cleanups as it stopped: make-pod (completed)\n"))
    #expect(
      stopped.standardOutput.contains(
        "  1  make-pod   undone by the cleanup of make-pod (run 1)\n"),
      "\(stopped.standardOutput)")
    #expect(
      stopped.standardOutput.contains(
        "4 steps: 0 completed, 1 failed, 0 skipped, 1 missing, 2 undone by a cleanup."),
      "\(stopped.standardOutput)")
    let resumed = try harness.run(["--yes", "--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let finished = GenMigration.run(["report", record], catalog: [procedure])
    #expect(finished.status == 0, "\(finished.standardOutput)")
    #expect(
      finished.standardOutput.contains("4 steps: 4 completed, 0 failed, 0 skipped, 0 missing.\n"))
  }

  /// Text that is not valid UTF-8, and every control character, still
  /// make JSON that parses, from the script's own escaping function.
  @Test func theEscapingFunctionMakesValidJSONOfAnyBytes() throws {
    let script = BashScript.render(Self.procedure, generator: "test")
    let start = try #require(script.range(of: "RECORD_FILE=''"))
    let end = try #require(script.range(of: "# record_event EVENT"))
    let functions = String(script[start.lowerBound..<end.lowerBound])
    let probe =
      functions + #"""
        for text in $'\x01\x02\x08\x0b\x0c\x1b\x1f\x7f' $'a"b\\c\n\t\r' $'bad \xff\xfe \xc3' $'ok \xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80' '' '!#$%&()*+,-./:;<=>?@[]^_`{|}~ it'"'"'s'; do
          json_text "${text}"
          printf '%s\n' "${JSON}"
        done
        """#
    let result = try ProcessRunner.run(
      ProcessRunner.bash, ["-c", probe], environment: ["LC_ALL": "C.UTF-8"], input: "", in: "/")
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast()
    let values = try lines.map { line in
      try #require(
        JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed) as? String)
    }
    #expect(
      values == [
        "\u{01}\u{02}\u{08}\u{0B}\u{0C}\u{1B}\u{1F}\u{7F}", "a\"b\\c\n\t\r", "bad ÿþ Ã",
        "ok é ✓ 😀", "", "!#$%&()*+,-./:;<=>?@[]^_`{|}~ it's",
      ])
  }
}
