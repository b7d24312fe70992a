import Commands
import Foundation
import Model
import TestSupport
import Testing

/// `gen-migration report RECORD`: a run record's runs as tables and the
/// step-by-step comparison with its procedure, from records written here
/// line by line (the script's own records are read in ScriptTests).
@Suite struct ReportCommandTests {
  static let procedure = Procedure(
    id: "tiny", title: "Tiny", version: "2.0", summary: "Four steps.",
    parameters: [Parameter("TOKEN", "A token.", secret: true)],
    phases: [
      Phase(
        id: "prepare", title: "Prepare", runsOn: "here",
        sections: [
          Section(
            title: "S",
            steps: [
              Step(id: "back-up", title: "Back up", actions: [.shell(ShellCommand("true"))]),
              Step(id: "copy", title: "Copy", actions: [.shell(ShellCommand("true"))]),
              Step(id: "switch", title: "Switch", actions: [.shell(ShellCommand("true"))]),
            ])
        ]),
      Phase(
        id: "verify", title: "Verify", runsOn: "there",
        sections: [
          Section(
            title: "S",
            steps: [Step(id: "look", title: "Look", actions: [.shell(ShellCommand("true"))])])
        ]),
    ])

  static let record = """
    {"event":"run-started","time":"2026-12-01T10:00:00+0000","epoch":1000,"procedure":"tiny","version":"2.0","fingerprint":"0000000000000000","phases":["prepare"],"user":"ops","uid":1000,"host":"db1","pid":42,"resume":false,"parameters":{"TOKEN":"***"}}
    {"event":"step-started","time":"2026-12-01T10:00:00+0000","epoch":1000,"step":"back-up","number":1,"phase":"prepare","title":"Back up"}
    {"event":"step-ended","time":"2026-12-01T10:00:02+0000","epoch":1002,"step":"back-up","status":"completed","exit":0,"attempts":1,"seconds":2}
    {"event":"step-started","time":"2026-12-01T10:00:02+0000","epoch":1002,"step":"copy","number":2,"phase":"prepare","title":"Copy \\"it\\""}
    {"event":"answer","time":"2026-12-01T10:00:03+0000","epoch":1003,"step":"copy","prompt":"Type yes:","answer":"yes \\"sure\\""}
    {"event":"step-ended","time":"2026-12-01T10:00:12+0000","epoch":1012,"step":"copy","status":"failed","exit":1,"attempts":3,"seconds":10}
    {"event":"run-ended","time":"2026-12-01T10:00:12+0000","epoch":1012,"status":1}
    {"event":"run-started","time":"2026-12-01T11:00:00+0000","epoch":4600,"procedure":"tiny","version":"2.0","fingerprint":"0000000000000000","phases":["prepare"],"user":"ops","host":"db1","resume":true,"parameters":{"TOKEN":"***"}}
    {"event":"step-skipped","time":"2026-12-01T11:00:00+0000","epoch":4600,"step":"back-up","number":1,"reason":"completed-earlier"}
    {"event":"step-started","time":"2026-12-01T11:00:00+0000","epoch":4600,"step":"copy","number":2,"phase":"prepare","title":"Copy"}
    {"event":"step-ended","time":"2026-12-01T11:00:05+0000","epoch":4605,"step":"copy","status":"completed","exit":0,"attempts":1,"seconds":5}
    {"event":"step-started","time":"2026-12-01T11:00:05+0000","epoch":4605,"step":"old-step","number":3,"phase":"prepare","title":"Old"}

    """

  @Test func reportPrintsEachRunAndComparesWithTheProcedure() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.record, to: "tiny.record.jsonl")
    let result = GenMigration.run(
      ["report", folder.file("tiny.record.jsonl")], catalog: [Self.procedure])
    #expect(result.standardError == "")
    #expect(result.status == 1)
    #expect(
      result.standardOutput == """
        Run 1 of 2: tiny 2.0 (model 0000000000000000), phases: prepare
          started 2026-12-01T10:00:00+0000 by ops on db1, ended 2026-12-01T10:00:12+0000 (12s), exit status 1
          parameters: TOKEN=***
          #  step     status                  attempts  seconds
          1  back-up  completed               1         2
          2  copy     failed (exit status 1)  3         10
          answers:
            copy: Type yes: yes "sure"

        Run 2 of 2: tiny 2.0 (model 0000000000000000), phases: prepare, resumed
          started 2026-12-01T11:00:00+0000 by ops on db1, no end recorded (still running, or stopped without a trace)
          parameters: TOKEN=***
          #  step      status                       attempts  seconds
          1  back-up   skipped (completed-earlier)  -         -
          2  copy      completed                    1         5
          3  old-step  started, no end recorded     -         -

        Compared with tiny 2.0 (model \(Self.procedure.fingerprint)):
          warning: run 1 was written by a script of model 0000000000000000, not \(Self.procedure.fingerprint): the procedure changed since, so the steps may not match
          warning: run 2 was written by a script of model 0000000000000000, not \(Self.procedure.fingerprint): the procedure changed since, so the steps may not match
          #  step     over all runs
          1  back-up  completed (run 1)
          2  copy     completed (run 2)
          3  switch   missing: no run reached it
          4  look     not run: phase verify was not selected
          not in the procedure: old-step (run 2)
        4 steps: 2 completed, 0 failed, 0 skipped, 1 missing, 1 in phases not selected.

        """)
  }

  @Test func aRecordOfAProcedureNotInTheCatalogIsPrintedWithoutComparison() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.record, to: "r.jsonl")
    let result = GenMigration.run(["report", folder.file("r.jsonl")], catalog: [])
    #expect(result.status == 0)
    #expect(
      result.standardError
        == "gen-migration: warning: tiny 2.0 is not in the catalog; give --procedure FILE.json to compare the record with it\n"
    )
    #expect(result.standardOutput.hasPrefix("Run 1 of 2: tiny 2.0"))
    #expect(!result.standardOutput.contains("Compared with"))
  }

  @Test func anUnreadableLineIsAnErrorNamingItAndACutLastLineAWarning() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let lines = Self.record.split(separator: "\n").map(String.init)
    try folder.write(
      lines[0] + "\n" + "{\"event\":\"step-ended\"\n" + lines[1] + "\n", to: "bad.jsonl")
    let bad = GenMigration.run(["report", folder.file("bad.jsonl")], catalog: [Self.procedure])
    #expect(bad.status == 2)
    #expect(
      bad.standardError
        == "gen-migration: \(folder.file("bad.jsonl")):2: not a JSON object; is it a run record (*.record.jsonl) a generated migrate.sh wrote?\n"
    )
    try folder.write(
      lines[0] + "\n" + lines[1] + "\n" + String(lines[2].prefix(30)), to: "cut.jsonl")
    let cut = GenMigration.run(["report", folder.file("cut.jsonl")], catalog: [Self.procedure])
    #expect(
      cut.standardError
        == "gen-migration: warning: \(folder.file("cut.jsonl")):3: ignoring the incomplete last line\n"
    )
    #expect(cut.standardOutput.contains("  1  back-up  started, no end recorded  -         -\n"))
    #expect(cut.status == 1)
    try folder.write(lines[1] + "\n", to: "orphan.jsonl")
    let orphan = GenMigration.run(
      ["report", folder.file("orphan.jsonl")], catalog: [Self.procedure])
    #expect(orphan.status == 2)
    #expect(orphan.standardError.contains(":1: a step-started line before any run-started line"))
    let usage = GenMigration.run(["report"], catalog: [Self.procedure])
    #expect(usage.status == 2)
    #expect(usage.standardError.contains("report needs a run record"))
  }

  /// A shell without `USER` or `LOGNAME` (cron, a container) records no
  /// name; the report names the run's uid instead, and says so only when
  /// neither is known.
  @Test(arguments: [
    (#""user":"ops","uid":1000,"#, "by ops on"), (#""user":"","uid":0,"#, "by uid 0 on"),
    (#""user":"","#, "by an unknown user on"),
  ])
  func theRunnerIsTheUserOrElseTheUid(fields: String, shown: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      #"{"event":"run-started","time":"2026-12-01T10:00:00+0000","epoch":1000,"procedure":"tiny","version":"2.0","fingerprint":"0000000000000000","phases":["prepare"],"#
        + fields + #""host":"db1","resume":false,"parameters":{}}"# + "\n", to: "tiny.record.jsonl")
    let result = GenMigration.run(
      ["report", folder.file("tiny.record.jsonl")], catalog: [Self.procedure])
    #expect(result.standardOutput.contains("started 2026-12-01T10:00:00+0000 " + shown + " db1"))
  }
}
