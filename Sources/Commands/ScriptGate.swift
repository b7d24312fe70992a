import Templates

/// The last check before a bash script leaves gen-migration: bash must parse
/// it (`bash -n`). Lint parses each command on its own; this parses the
/// script as rendered, so neither a value lint does not look at nor a
/// renderer bug can make `render` or `generate` print or write a script
/// that bash would refuse halfway through a run.
public enum ScriptGate {
  /// Throws `unparseableScript` for the first script among `files` (the
  /// executable ones) that bash cannot parse.
  public static func requireParseable(_ files: [RenderedFile], of reference: String)
    throws(CommandError)
  {
    let checker = BashSyntaxChecker()
    for file in files where file.isExecutable {
      if let error = checker.parse(file.contents) {
        throw .unparseableScript(reference, file: file.path, bashError: error)
      }
    }
  }
}
