import Model
import Templates

/// `gen-migration check [DIR [FILE...]]`: exit 0 when DIR holds exactly what
/// generate would write for the catalog (or for the files); otherwise a line
/// diff per file and the commands that fix them.
enum CheckCommand: Command {
  static let help = """
    Usage: gen-migration check [DIR]
           gen-migration check DIR FILE.json...

    Compares DIR with what generate would write: for the whole catalog, or
    for exactly the given procedure JSON files (no catalog procedure). Exit 0
    when they are the same; exit 1 with a unified diff of each differing
    file, the missing, non-executable and unexpected files, and the commands
    that fix them: the generate command that rewrites what differs, and an
    rm command for each file nothing writes. Without DIR, checks the
    package's own examples/, and only when run from the package's root (the
    folder whose Package.swift declares gen-migration).
    """

  static func run(_ arguments: [String], catalog: [Procedure], output: inout Output)
    throws(CommandError)
  {
    let parsed = try ParsedArguments(arguments, command: "check", options: [])
    if let first = parsed.positionals.first, first.hasSuffix(".json") {
      throw .missingArgument(
        "the folder DIR before the procedure files (check DIR FILE.json...)", command: "check")
    }
    let files = Array(parsed.positionals.dropFirst())
    guard let folder = parsed.positionals.first ?? PackageFolder.examples() else {
      throw .missingArgument(
        "a folder DIR here (\(PackageFolder.noExamplesReason("checks")))",
        command: "check")
    }
    let procedures =
      files.isEmpty
      ? catalog
      : try ProcedureInput.loadFiles(files, command: "check", catalog: catalog, output: &output)
    let source = files.isEmpty ? "the catalog" : files.joined(separator: ", ")
    let expected = try GenerateCommand.expectedFiles(procedures)
    var outdated = 0
    for file in expected {
      let path = "\(folder)/\(file.path)"
      guard FileSystem.exists(path) else {
        output.print("missing: \(path)")
        outdated += 1
        continue
      }
      let actual = try FileSystem.read(path)
      if !actual.elementsEqual(file.contents.utf8) {
        output.print("differs: \(path)")
        output.write(
          LineDiff.unified(
            from: String(decoding: actual, as: UTF8.self), to: file.contents, oldName: path,
            newName: "\(path) (from the model)"))
        outdated += 1
      } else if file.isExecutable && !FileSystem.isExecutable(path) {
        output.print("not executable: \(path)")
        outdated += 1
      }
    }
    let expectedPaths = Set(expected.map(\.path))
    let writer =
      files.isEmpty ? "no catalog procedure version writes it" : "not written by \(source)"
    let unexpected = FileSystem.files(under: folder).filter { !expectedPaths.contains($0) }
      .map { "\(folder)/\($0)" }
    for path in unexpected {
      output.print("unexpected: \(path) (\(writer)); remove it: rm -- \(PackageFolder.word(path))")
    }
    let problems = outdated + unexpected.count
    guard problems > 0 else {
      output.print("\(folder) matches \(source): \(expected.count) files")
      return
    }
    var fixes: [String] = []
    if outdated > 0 {
      let catalogExamples = files.isEmpty && folder == PackageFolder.examples()
      fixes.append(
        ([ToolName.current, "generate"] + files.map(PackageFolder.word)
          + (catalogExamples ? [] : ["--output", PackageFolder.word(folder)]))
          .joined(separator: " "))
    }
    if !unexpected.isEmpty {
      fixes.append((["rm", "--"] + unexpected.map(PackageFolder.word)).joined(separator: " "))
    }
    output.print(
      "\(problems) problem\(problems == 1 ? "" : "s"); to bring \(folder) in line with \(source), run: \(fixes.joined(separator: " && "))"
    )
    output.status = 1
  }
}
