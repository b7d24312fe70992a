import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// Every call of a clean run of databricks@1.0 and databricks@2.0 (the
/// step-by-step tools' two editions, every optional step on) and
/// databricks-pipeline@2.0 (the checkpointed pipeline), made to fail once in each
/// form (before it acts; after it acted, its response lost), then
/// `--resume` (issue 9): the run finishes, both emulated workspaces and the
/// export folder end as after the clean run, nothing an import creates in
/// the target exists twice or was created twice, and every step ends
/// completed once after its last undo.
@Suite struct DatabricksFaultTests {
  enum Form: String, CaseIterable, Sendable {
    case beforeActing = "STUB_FAIL_AT"
    case afterActing = "STUB_FAIL_AFTER"
  }

  private typealias Workspaces = DatabricksWorkspaces
  typealias Edition = DatabricksWorkspaces.Edition

  struct Clean: Sendable {
    var calls: [(call: String, step: String)]
    var state: [String: String]
    var created: [String]
    var jobs: [String]
  }

  static let clean: [Edition: Clean] = Dictionary(
    uniqueKeysWithValues: Edition.allCases.map { edition in
      let harness = try! Workspaces.harness(edition)
      let result = try! harness.run(edition.arguments(harness), input: edition.input)
      precondition(result.status == 0, result.standardError)
      return (
        edition,
        Clean(
          calls: harness.stepCalls, state: Workspaces.state(harness),
          created: Workspaces.created(harness), jobs: Workspaces.targetJobs(harness))
      )
    })

  static let everyCase: [(Edition, Int, Form)] = Edition.allCases.flatMap { edition in
    clean[edition]!.calls.indices.flatMap { index in Form.allCases.map { (edition, index, $0) } }
  }

  /// Every case under `.ci/run`; each call once, the forms taking turns,
  /// in `swift test` (``FaultSample``).
  static let sample = FaultSample(
    everyCase, call: { "\($0.0) \($0.1)" }, position: { $0.1 },
    beforeActing: { $0.2 == .beforeActing })
  static let cases = sample.cases

  @Test func theSampleFailsEveryCallOnceAndBothForms() {
    #expect(Self.sample.turnsFailEveryCallOnceInBothForms)
  }

  @Test(arguments: Edition.allCases)
  func theCleanRunMigratesEverythingOnce(edition: Edition) throws {
    let clean = try #require(Self.clean[edition])
    #expect(clean.jobs == ["existing-in-target", "nightly", "weekly"])
    if edition == .version2 {
      #expect(
        clean.created.contains("run run1")
          && clean.created.contains("experiment /Users/alice@example.com/exp1"))
      #expect(clean.state["newWS/secrets"] == "all key1 s3cr3t\n")
    }
    #expect(clean.created.count == Set(clean.created).count)
    #expect(
      clean.created.contains("cluster adhoc") && clean.created.contains("user bob@example.com"))
    // Every phase makes calls, so every phase has fault points.
    let phases = Set(
      clean.calls.map { call in
        edition.procedure.phases.first { $0.steps.contains { $0.id == call.step } }!.id
      })
    #expect(phases == Set(edition.procedure.phases.map(\.id)))
  }

  /// The fault points, per procedure, phase and form (printed for the
  /// report): every phase of every edition has some.
  @Test func everyPhaseOfEveryEditionHasFaultPoints() {
    for edition in Edition.allCases {
      for phase in edition.procedure.phases {
        let points = Self.everyCase.filter { point in
          point.0 == edition
            && phase.steps.contains { $0.id == Self.clean[edition]!.calls[point.1].step }
        }
        for form in Form.allCases {
          let count = points.filter { $0.2 == form }.count
          print("fault points \(edition.rawValue) \(phase.id) \(form.rawValue): \(count)")
          #expect(count > 0, "\(edition.rawValue) \(phase.id)")
        }
      }
    }
  }

  @Test(arguments: cases)
  func aFaultAtAnyCallResumesToTheCleanEnd(edition: Edition, index: Int, form: Form) throws {
    let clean = try #require(Self.clean[edition])
    let harness = try Workspaces.harness(edition)
    let failed = try harness.run(
      edition.arguments(harness), input: edition.input,
      environment: [form.rawValue: "\(index + 1)"])
    #expect(failed.status == 1, "\(failed.standardError)")
    #expect(
      failed.standardError.contains("\(clean.calls[index].step) ("), "\(failed.standardError)")
    harness.clearCalls()
    let resumed = try harness.run(
      edition.arguments(harness) + ["--resume"], input: edition.input(from: clean.calls[index].step)
    )
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let after = "after a fault at call \(index + 1) (\(clean.calls[index].call))"
    #expect(Workspaces.state(harness) == clean.state, "\(after)")
    #expect(Workspaces.targetJobs(harness) == clean.jobs, "\(after)")
    #expect(Workspaces.created(harness) == clean.created, "\(after)")
    FaultInjectionTests.expectCompletedOnceAfterLastUndo(
      Workspaces.state(file: harness, edition), steps: edition.enabledSteps(harness))
  }

  /// The clean run deletes no job, so the deletes of a re-run get their own
  /// faults: 1.0's jobs import acts and then fails; its first resume fails
  /// at each of its calls, in each form; a second resume still ends clean.
  static let resumeCases: [(Int, Form)] = {
    let index = clean[.version1]!.calls.firstIndex {
      $0.call.hasSuffix("--jobs") && $0.call.contains("import_db.py")
    }!
    return (0..<4).flatMap { offset in Form.allCases.map { (index + 1 + offset, $0) } }
  }()

  @Test(arguments: resumeCases)
  func aFaultWhileAResumeDeletesTheJobsOfAnEarlierTryStillEndsClean(call: Int, form: Form) throws {
    let edition = Edition.version1
    let clean = try #require(Self.clean[edition])
    let jobsImport = try #require(
      clean.calls.firstIndex { $0.call.hasSuffix("--jobs") && $0.call.contains("import_db.py") })
    let harness = try Workspaces.harness(edition)
    let failed = try harness.run(
      edition.arguments(harness), input: edition.input,
      environment: ["STUB_FAIL_AFTER": "\(jobsImport + 1)"])
    #expect(failed.status == 1)
    harness.clearCalls()
    // The resume lists the jobs, deletes the two the failed try created,
    // and imports: a fault at its call `call - jobsImport`.
    let first = try harness.run(
      edition.arguments(harness) + ["--resume"], input: edition.input(from: "import-jobs"),
      environment: [form.rawValue: "\(call - jobsImport)"])
    #expect(first.status == 1, "\(first.standardError)")
    #expect(
      harness.commandCalls.contains { $0.hasPrefix("databricks jobs delete") }
        || call - jobsImport == 1)
    let second = try harness.run(
      edition.arguments(harness) + ["--resume"], input: edition.input(from: "import-jobs"))
    #expect(second.status == 0, "\(second.standardError)")
    #expect(Workspaces.targetJobs(harness) == clean.jobs)
    #expect(Workspaces.state(harness) == clean.state)
  }

  /// Without the fix, a second try of 1.0's jobs import leaves every job
  /// twice: the tool creates them again. Shown on the tool double itself.
  @Test func theToolsJobsImportIsNotIdempotent() throws {
    let harness = try Workspaces.harness(.version1)
    _ = try harness.run(
      Edition.version1.arguments(harness) + ["export"], input: Edition.version1.input)
    for _ in 0..<2 {
      for objects in ["--users", "--jobs"] {
        let result = try ProcessRunner.run(
          harness.bin + "/python3",
          ["tool/import_db.py", "--profile", "newWS", "--set-export-dir", "exports", objects],
          environment: [
            "STUB_DIR": harness.folder.path, "HOME": harness.folder.file("home"),
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
          ], in: harness.folder.path)
        #expect(result.status == 0, "\(result.standardError)")
      }
    }
    #expect(
      Workspaces.targetJobs(harness) == [
        "existing-in-target", "nightly", "nightly", "weekly", "weekly",
      ])
  }
}
