import Foundation
import Templates
import Testing

/// `docs/procedure-format.md` is what `gen-migration schema --format
/// markdown` renders from the model's format description, like a golden:
/// `GOLDEN_RECORD=1 swift test --filter FormatReferenceTests` rewrites it
/// and still fails, so that a person reads the diff before committing it.
@Suite struct FormatReferenceTests {
  static let reference = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/procedure-format.md")

  @Test func theFormatReferenceIsWhatTheModelRenders() throws {
    let rendered = ProcedureFormatDocument.render(generator: Outputs.generator)
    if GoldenTests.recording {
      try Data(rendered.utf8).write(to: Self.reference)
      Issue.record(
        "re-recorded docs/procedure-format.md; review the diff (git diff docs) and run again")
      return
    }
    guard let data = FileManager.default.contents(atPath: Self.reference.path) else {
      Issue.record("missing docs/procedure-format.md; record it with GOLDEN_RECORD=1 swift test")
      return
    }
    let committed = String(decoding: data, as: UTF8.self)
    if committed != rendered {
      let diff = LineDiff.unified(
        from: committed, to: rendered, oldName: "docs/procedure-format.md",
        newName: "rendered from the model")
      Issue.record(
        "docs/procedure-format.md differs from the model's format description:\n\(diff)\nIf the change is intended, re-record with GOLDEN_RECORD=1 swift test --filter FormatReferenceTests (or gen-migration schema --format markdown --output docs/procedure-format.md) and review git diff docs."
      )
    }
  }
}
