import Model

/// Databricks workspace migration with the databricks/migrate tool, in two
/// editions: 1.0, the stepwise `export_db.py` / `import_db.py` commands in the
/// documented order of operations (`shared/seeds/002_bb3c1512aa9e7827.txt`),
/// and 2.0, the checkpointed export, import and validate pipeline
/// (`shared/seeds/004_06016e4614354de9.txt`).
public enum Databricks {
  /// Every phase runs on the same machine, so a bare `migrate.sh` runs them
  /// all in order.
  static let runsOn =
    "a Linux or macOS machine with Python 3, the Databricks CLI and a checkout of the migrate tool"

  /// One run of one of the tool's scripts against the workspace of `profile`,
  /// with the artifacts in `exportDir` (a shell word) and, when
  /// NO_SSL_VERIFICATION is yes, without SSL verification. `prelude` is
  /// shell text to run first, e.g. to build an argument array.
  static func tool(
    _ script: String, profile: String, _ arguments: String,
    exportDir: String = #""${EXPORT_DIR}""#, after prelude: String = ""
  ) -> ShellCommand {
    let lines =
      prelude.split(separator: "\n").map(String.init) + [
        "ssl=()",
        #"if [[ "${NO_SSL_VERIFICATION}" == yes ]]; then ssl=(--no-ssl-verification); export REQUESTS_CA_BUNDLE="" CURL_CA_BUNDLE=""; fi"#,
        #"python3 "${TOOL_DIR}/\#(script)" --profile "${\#(profile)}" --set-export-dir \#(exportDir) "${ssl[@]}" \#(arguments)"#,
      ]
    return ShellCommand(lines.joined(separator: "\n"))
  }
}
