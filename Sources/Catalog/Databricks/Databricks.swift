import Model

/// Databricks workspace migration with the databrickslabs/migrate tool. The
/// step-by-step `export_db.py` / `import_db.py` tool is `databricks`, in two
/// editions: 1.0 (`shared/seeds/002_bb3c1512aa9e7827.txt`) and 2.0 (the
/// "Import using step-by-step tools" section of
/// `shared/seeds/004_06016e4614354de9.txt`). The checkpointed export,
/// import and validate pipeline that seed 004 recommends is a procedure of
/// its own, `databricks-pipeline` 2.0.
public enum Databricks {
  /// Every phase runs on the same machine, so a bare `migrate.sh` runs them
  /// all in order.
  static let runsOn =
    "a Linux or macOS machine with Python 3, the Databricks CLI and a checkout of the migrate tool"

  /// One run of one of the tool's scripts against the workspace of `profile`,
  /// in TOOL_DIR (the tool opens `data/...` relative to the working
  /// directory), with the cloud's flag, the artifacts in EXPORT_DIR made
  /// absolute (followed by `exportSuffix`, e.g. `/${SESSION}`) and, when
  /// NO_SSL_VERIFICATION is yes, without SSL verification. `prelude` is
  /// shell text to run first, e.g. to build an argument array.
  static func tool(
    _ script: String, profile: String, _ arguments: String,
    exportSuffix: String = "", after prelude: String = ""
  ) -> ShellCommand {
    let lines =
      prelude.split(separator: "\n").map(String.init) + [
        "ssl=()",
        #"if [[ "${NO_SSL_VERIFICATION}" == yes ]]; then ssl=(--no-ssl-verification); export REQUESTS_CA_BUNDLE="" CURL_CA_BUNDLE=""; fi"#,
        cloudFlags,
        exportDirectory,
        #"(cd "${TOOL_DIR}" && python3 "./\#(script)" --profile "${\#(profile)}" "${cloud[@]}" --set-export-dir "${export_dir}\#(exportSuffix)" "${ssl[@]}" \#(arguments))"#,
      ]
    return ShellCommand(lines.joined(separator: "\n"))
  }

  /// `cloud`: the tool's flag for CLOUD; without it the tool refuses an
  /// Azure or GCP workspace before doing anything.
  static let cloudFlags =
    #"cloud=(); if [[ "${CLOUD}" == azure ]]; then cloud=(--azure); elif [[ "${CLOUD}" == gcp ]]; then cloud=(--gcp); fi"#

  /// `export_dir`: EXPORT_DIR as an absolute path, since the tool runs in
  /// TOOL_DIR.
  static let exportDirectory =
    #"export_dir=${EXPORT_DIR}; [[ ${export_dir} == /* ]] || export_dir="${PWD}/${export_dir}""#

  /// The `CLOUD` parameter: the tool's cloud flag (`--azure`, `--gcp`).
  static func cloud(_ choices: [String], evidence: String) -> Parameter {
    Parameter(
      "CLOUD",
      "The cloud of both workspaces: \(choices.joined(separator: ", ")). The tool refuses an Azure or GCP workspace without its flag (\(evidence)).",
      default: "aws", choices: choices)
  }
}
