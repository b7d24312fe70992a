import Model

/// The pipeline's validate phase: export the target workspace, then compare
/// both exports the way validate_pipeline.sh does, but in EXPORT_DIR.
extension Databricks {
  static let validate2 = Phase(
    id: "validate", title: "Validate the migration", runsOn: runsOn
  ) {
    Section("Validate") {
      Step(
        "export-target", "Export the target workspace",
        explanation:
          "Exports the contents of the target workspace with the pipeline, under its own session DST_SESSION, for the comparison.",
        admonitions: [secretsOnDisk("DST_SESSION")]
      ) {
        pipeline(
          profile: "DST_PROFILE", session: "DST_SESSION", #"--export-pipeline "${cluster[@]}""#,
          after: #"""
            cluster=()
            if [[ -n "${CLUSTER_NAME}" ]]; then cluster=(--cluster-name "${CLUSTER_NAME}"); fi
            """#)
        privateSecrets("DST_SESSION")
      }
      Step(
        "validate", "Compare the source and target exports",
        explanation:
          "Does what the tool's validate_pipeline.sh does, on EXPORT_DIR rather than the script's fixed `logs/`: unpacks the table ACLs of both sessions when there are any, runs the validation pipeline on the two sessions (its report goes to the session folder EXPORT_DIR/validate-SESSION-DST_SESSION), and diffs the notebook artifacts and the metastore of both into EXPORT_DIR/validation_notebooks.log and validation_metastores.log, summarised by `diffstat`.",
        admonitions: [
          .warning(
            "Differences do not fail the step: the validation pipeline only logs them. Read the report folder and both diff logs before you cut over."
          )
        ]
      ) {
        ShellCommand(
          #"""
          export_dir=${EXPORT_DIR}; [[ ${export_dir} == /* ]] || export_dir="${PWD}/${export_dir}"
          for archive in "${export_dir}/${SESSION}"/table_acls/*.json.gz "${export_dir}/${DST_SESSION}"/table_acls/*.json.gz; do
            if [[ -f "${archive}" ]]; then gunzip -kf "${archive}"; fi
          done
          (cd "${TOOL_DIR}" && python3 ./migration_pipeline.py --validate-pipeline --set-export-dir "${export_dir}" --session "validate-${SESSION}-${DST_SESSION}" --validate-source-session "${SESSION}" --validate-destination-session "${DST_SESSION}")
          """#)
        ShellCommand(
          #"""
          for part in artifacts:notebooks metastore:metastores; do
            status=0
            diff -ur "${EXPORT_DIR}/${SESSION}/${part%%:*}/" "${EXPORT_DIR}/${DST_SESSION}/${part%%:*}/" >"${EXPORT_DIR}/validation_${part#*:}.log" 2>&1 || status=$?
            ((status <= 1))
            diffstat -s "${EXPORT_DIR}/validation_${part#*:}.log"
            printf 'See %s for details.\n' "${EXPORT_DIR}/validation_${part#*:}.log"
          done
          """#)
      }
    }
  }

  /// The warning on a pipeline export that includes the secrets.
  static func secretsOnDisk(_ session: String) -> Admonition {
    .warning(
      "The export reads every secret value of the workspace and writes it base64-encoded, which is recoverable plain text, to EXPORT_DIR/\(session)/secret_scopes/ (databrickslabs/migrate `dbclient/SecretsClient.py` @ faed13b lines 20–56). The step makes that folder readable by you only; delete it once the migration is validated."
    )
  }

  /// Makes the secret values of a pipeline export readable by their owner
  /// only.
  static func privateSecrets(_ session: String) -> ShellCommand {
    ShellCommand(
      #"if [[ -d "${EXPORT_DIR}/${\#(session)}/secret_scopes" ]]; then chmod -R go-rwx "${EXPORT_DIR}/${\#(session)}/secret_scopes"; fi"#
    )
  }
}
