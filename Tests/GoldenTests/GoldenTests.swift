import Catalog
import Foundation
import Lint
import Model
import Templates
import Testing

/// Every catalog procedure version, rendered, equals its reference under
/// `examples/`. `GOLDEN_RECORD=1 swift test` rewrites the references and
/// still fails, so that a person reads the diff before committing it.
@Suite struct GoldenTests {
  static let examples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples")
  static let recording = ProcessInfo.processInfo.environment["GOLDEN_RECORD"] == "1"

  /// Classified as `gen-migration generate` does: a step no longer marked
  /// destructive is a safety change when lint still finds destruction in it.
  static let rules = RiskRules(stillDestroys: StepDestruction.destroys)

  static let rendered = Catalog.procedures.flatMap {
    Outputs.files(for: $0, in: Catalog.procedures, rules: rules)
  }

  @Test(arguments: rendered.map(\.path))
  func renderedOutputMatchesTheReference(path: String) throws {
    let file = try #require(Self.rendered.first { $0.path == path })
    let reference = Self.examples.appendingPathComponent(path)
    if Self.recording {
      try FileManager.default.createDirectory(
        at: reference.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.contents.utf8).write(to: reference)
      if file.isExecutable {
        try FileManager.default.setAttributes(
          [.posixPermissions: 0o755], ofItemAtPath: reference.path)
      }
      Issue.record(
        "re-recorded examples/\(path); review the diff (git diff examples) and run again")
      return
    }
    guard let data = FileManager.default.contents(atPath: reference.path) else {
      Issue.record(
        "missing reference examples/\(path); record it with GOLDEN_RECORD=1 swift test and review it"
      )
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != file.contents {
      let diff = LineDiff.unified(
        from: expected, to: file.contents, oldName: "examples/\(path)",
        newName: "rendered from the model")
      Issue.record(
        "examples/\(path) differs from the model:\n\(diff)\nIf the change is intended, re-record with GOLDEN_RECORD=1 swift test and review git diff examples."
      )
    }
  }

  @Test(arguments: Catalog.procedures.map(\.reference))
  func catalogProcedureValidatesWithoutFindings(reference: String) throws {
    let procedure = try #require(Catalog.procedure(reference))
    #expect(procedure.validate() == [])
  }

  @Test func aLaterVersionsRunbookCarriesItsChanges() throws {
    var checked = 0
    for procedure in Catalog.procedures {
      let earlier = Catalog.versions(of: procedure.id).filter { $0.version < procedure.version }
      guard let previous = earlier.last else { continue }
      let path = "\(procedure.id)/\(procedure.version)/README.md"
      let readme = try #require(Self.rendered.first { $0.path == path })
      #expect(readme.contents.contains("## Changes since \(previous.version)\n"))
      checked += 1
    }
    #expect(checked > 0, "the catalog has no procedure with two versions")
  }

  @Test func everyCatalogVersionHasItsReferencesAndNothingElse() throws {
    let expected = Set(Self.rendered.map(\.path))
    let enumerator = FileManager.default.enumerator(atPath: Self.examples.path)
    var present: Set<String> = []
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: Self.examples.appendingPathComponent(path).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        present.insert(path)
      }
    }
    #expect(present == expected)
  }
}
