import Model

/// 2.0's validate phase: export the target workspace, then compare both
/// exports.
extension Databricks {
  static let validate2 = Phase(
    id: "validate", title: "Validate the migration", runsOn: runsOn
  ) {
    Section("Validate") {
      Step(
        "export-target", "Export the target workspace",
        explanation:
          "Exports the contents of the target workspace with the pipeline, under its own session DST_SESSION, for the comparison."
      ) {
        pipeline(
          profile: "DST_PROFILE", session: "DST_SESSION", #"--export-pipeline "${cluster[@]}""#,
          after: #"""
            cluster=()
            if [[ -n "${CLUSTER_NAME}" ]]; then cluster=(--cluster-name "${CLUSTER_NAME}"); fi
            """#)
      }
      Step(
        "validate", "Compare the source and target exports",
        explanation:
          "Runs the tool's validate_pipeline.sh on both sessions. Check the console summary and the new folder it writes under the logs folder."
      ) {
        ShellCommand(
          #"(cd "${TOOL_DIR}" && "${VALIDATE_SCRIPT}" "${SESSION}" "${DST_SESSION}")"#)
      }
    }
  }
}
