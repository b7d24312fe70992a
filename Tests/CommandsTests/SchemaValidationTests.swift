import Catalog
import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// `gen-migration schema` checked by an independent JSON Schema validator
/// (python3's `jsonschema`, Draft202012Validator, installed by `.ci/run`):
/// the schema is a valid draft 2020-12 schema, every catalog procedure
/// version's JSON and a procedure written from the schema and `init` are
/// valid, and files the strict decoder refuses are invalid too. One python3
/// run validates every file.
@Suite struct SchemaValidationTests {
  /// Prints `NAME ok` or `NAME invalid: MESSAGE; MESSAGE...` for each file
  /// after the schema: every error's message, and those of the branches of
  /// a `oneOf` it tried (where a wrong action's real reason is).
  static let validator = """
    import json, pathlib, sys
    from jsonschema import Draft202012Validator
    schema = json.loads(pathlib.Path(sys.argv[1]).read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    for path in sys.argv[2:]:
        errors = list(validator.iter_errors(json.loads(pathlib.Path(path).read_text())))
        messages = sorted({e.message.splitlines()[0] for error in errors for e in [error] + list(error.context)})
        name = pathlib.Path(path).name
        print(name + " ok" if not errors else name + " invalid: " + "; ".join(messages))
    """

  /// Files the strict decoder refuses, each an edit of the starter, with
  /// what the validator must say about it.
  static let refused: [(name: String, old: String, new: String, reason: String)] = [
    ("unknown-step-key.json", "\"destroys\" :", "\"destroy\" :", "'destroy' was unexpected"),
    (
      "unknown-top-key.json", "\"formatVersion\" : 1,",
      "\"formatVersion\" : 1, \"author\" : \"me\",",
      "'author' was unexpected"
    ),
    (
      "wrong-action-kind.json", "\"kind\" : \"shell\"", "\"kind\" : \"psql\"",
      "'psql' is not one of"
    ),
    (
      "wrong-parameter-kind.json", "\"kind\" : \"integer\"", "\"kind\" : \"number\"",
      "'number' is not one of"
    ),
    (
      "fraction-interval.json", "\"intervalSeconds\" : 5", "\"intervalSeconds\" : 2.5",
      "2.5 is not of type 'integer'"
    ),
  ]

  @Test func theSchemaAcceptsEveryCatalogProcedureAndRejectsWhatTheDecoderRefuses() throws {
    // Debian's python3, where .ci/run installs python3-jsonschema; another
    // python3 on PATH (pyenv's, say) need not have the module.
    let python = try #require(
      FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        ? "/usr/bin/python3" : ProcessRunner.which("python3"),
      "python3 is needed; .ci/run installs it")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(GenMigration.run(["schema"]).standardOutput, to: "procedure.schema.json")
    var valid: [String] = []
    for procedure in Catalog.procedures {
      let name = "\(procedure.id)-\(procedure.version).json"
      let rendered = GenMigration.run(["render", procedure.reference, "--format", "json"])
      try folder.write(rendered.standardOutput, to: name)
      valid.append(name)
    }
    try folder.write(try NewUserProcedure.json(command: "echo hello"), to: "new-user.json")
    try folder.write(JSONForm.render(Procedure.everyVariant), to: "every-variant.json")
    valid += ["new-user.json", "every-variant.json"]
    let starter = GenMigration.run(["init", "starter"]).standardOutput
    for edit in Self.refused {
      #expect(starter.contains(edit.old), "the starter has no \(edit.old)")
      let text = starter.replacingOccurrences(of: edit.old, with: edit.new)
      #expect(throws: CommandError.self, "\(edit.name)") {
        try ProcedureInput.decode(text, file: edit.name)
      }
      try folder.write(text, to: edit.name)
    }
    let files = valid + Self.refused.map(\.name)
    let result = try ProcessRunner.run(
      python, ["-c", Self.validator, folder.file("procedure.schema.json")] + files.map(folder.file))
    #expect(result.status == 0, "\(result.standardError)")
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.count == files.count, "\(result.standardOutput)")
    for name in valid { #expect(lines.contains("\(name) ok"), "\(result.standardOutput)") }
    for edit in Self.refused {
      let line = lines.first { $0.hasPrefix("\(edit.name) invalid: ") }
      #expect(line?.contains(edit.reason) == true, "\(result.standardOutput)")
    }
  }
}
