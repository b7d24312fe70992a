import Model
import Templates

/// `gen-migration check [DIR]`: exit 0 when DIR holds exactly what generate
/// would write; otherwise a line diff per file and the command that fixes it.
enum CheckCommand: Command {
  static let help = """
    Usage: gen-migration check [DIR]

    Compares DIR (default: examples) with what generate would write. Exit 0
    when they are the same; exit 1 with a unified diff of each differing file,
    the missing and unexpected files, and the command that fixes them.
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "check", options: [])
    if parsed.positionals.count > 1 {
      throw .unexpectedArgument(parsed.positionals[1], command: "check")
    }
    let folder = parsed.positionals.first ?? "examples"
    let expected = try GenerateCommand.expectedFiles(catalog)
    var problems = 0
    for file in expected {
      let path = "\(folder)/\(file.path)"
      guard FileSystem.exists(path) else {
        output.print("missing: \(path)")
        problems += 1
        continue
      }
      let actual = try FileSystem.read(path)
      if !actual.elementsEqual(file.contents.utf8) {
        output.print("differs: \(path)")
        output.write(
          LineDiff.unified(
            from: String(decoding: actual, as: UTF8.self), to: file.contents, oldName: path,
            newName: "\(path) (from the model)"))
        problems += 1
      } else if file.isExecutable && !FileSystem.isExecutable(path) {
        output.print("not executable: \(path)")
        problems += 1
      }
    }
    let expectedPaths = Set(expected.map(\.path))
    for path in FileSystem.files(under: folder) where !expectedPaths.contains(path) {
      output.print("unexpected: \(folder)/\(path) (no catalog procedure version writes it)")
      problems += 1
    }
    if problems == 0 {
      output.print("\(folder) matches the catalog: \(expected.count) files")
    } else {
      let fix = folder == "examples" ? "" : " --output \(folder)"
      output.print(
        "\(problems) problem\(problems == 1 ? "" : "s"); to bring \(folder) in line with the model, run: gen-migration generate\(fix)"
      )
      output.status = 1
    }
  }
}
