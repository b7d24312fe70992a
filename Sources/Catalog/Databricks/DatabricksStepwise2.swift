import Model

/// 2.0 of the step-by-step tool: seed 004's "Import using step-by-step
/// tools" section, export_db.py and import_db.py at databrickslabs/migrate
/// faed13b.
extension Databricks {
  static let stepwiseExport2 = Phase(
    id: "export", title: "Export the source workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureSourceProfile
    }
    Section("Export") {
      Step(
        "export-users", "Export users and groups",
        explanation:
          "Uses the SCIM API to export users and groups, then (on AWS) the instance profiles tied to their entitlements."
      ) {
        export("--users")
      }
      Step(
        "export-clusters", "Export cluster templates",
        explanation:
          "Exports the cluster templates with their ACLs, the cluster policies and the instance pools."
      ) {
        export("--clusters")
      }
      Step(
        "export-notebook-paths", "Export notebook metadata",
        explanation: "Logs the path of every notebook and directory of the workspace."
      ) {
        export("--workspace")
      }
      Step(
        "export-notebooks", "Export notebook content",
        explanation: "Downloads every notebook logged by `export-notebook-paths`."
      ) {
        export("--download")
      }
      Step(
        "export-workspace-acls", "Export workspace ACLs",
        explanation: "Exports the permissions of the notebooks and directories."
      ) {
        export("--workspace-acls")
      }
      Step(
        "export-jobs", "Export job templates",
        explanation: "Exports the job configurations with their ACLs."
      ) {
        export("--jobs")
      }
      Step(
        "export-metastore", "Export the Hive Metastore",
        explanation:
          "Exports the metastore's databases, tables and views on a cluster (CLUSTER_NAME, or a small one it launches). On AWS, unless SKIP_FAILED is yes, failed exports are retried through every instance profile. DATABASE limits it to one database."
      ) {
        export(#"--metastore "${metastore[@]}""#, after: metastoreExportFlags)
      }
      Step(
        "export-table-acls", "Export table ACLs",
        explanation:
          "Exports the GRANT and DENY statements of the metastore objects through a notebook on a cluster with table ACLs enabled (DATABASE limits it to one database). ACLs that fail to export are marked `ERROR_!!!` and counted; the export continues.",
        enabledBy: "TABLE_ACLS"
      ) {
        export(
          #"--table-acls "${database[@]}""#,
          after: #"""
            database=()
            if [[ -n "${DATABASE}" ]]; then database=(--database "${DATABASE}"); fi
            """#)
      }
      Step(
        "export-secrets", "Export secrets",
        explanation:
          "Reads every secret scope, its ACLs and every secret value on the cluster SECRETS_CLUSTER (`dbutils.secrets.get`), and writes the values to EXPORT_DIR/secret_scopes/.",
        admonitions: [
          .warning(
            "EXPORT_DIR/secret_scopes/ holds every secret value of the source workspace, base64-encoded: that is recoverable plain text, not encryption. The step makes it readable by you only; delete it once the import has completed."
          )
        ],
        enabledBy: "MIGRATE_SECRETS"
      ) {
        OutputCheck(
          "a cluster to read the secrets on is given",
          command: #"printf '%s\n' "${SECRETS_CLUSTER}""#, expect: .nonEmpty,
          failure:
            "--migrate-secrets yes needs --secrets-cluster: without --cluster-name the tool exports nothing and still exits 0."
        )
        export(#"--secrets --cluster-name "${SECRETS_CLUSTER}""#)
        ShellCommand(
          #"if [[ -d "${EXPORT_DIR}/secret_scopes" ]]; then chmod -R go-rwx "${EXPORT_DIR}/secret_scopes"; fi"#
        )
      }
      Step(
        "export-mlflow", "Export MLflow experiments, their permissions and runs",
        explanation:
          "Exports the MLflow experiments, then their permissions, then their runs (since MLFLOW_START_DATE, or of the past 30 days), with checkpoints, so that a re-run continues where it stopped. Needs Python 3.7 or later.",
        enabledBy: "MIGRATE_MLFLOW"
      ) {
        export(#"--mlflow-experiments --use-checkpoint --num-parallel "${NUM_PARALLEL}""#)
        export(
          #"--mlflow-experiments-permissions --use-checkpoint --num-parallel "${NUM_PARALLEL}""#)
        export(
          #"--mlflow-runs --use-checkpoint --num-parallel "${NUM_PARALLEL}" "${start[@]}""#,
          after: #"""
            start=()
            if [[ -n "${MLFLOW_START_DATE}" ]]; then start=(--start-date "${MLFLOW_START_DATE}"); fi
            """#)
      }
      Step(
        "export-groups", "Export the chosen groups",
        explanation:
          "Exports the groups named in EXPORT_GROUPS with their members, the members' home folders and their jobs, into EXPORT_DIR/groups.",
        enabledBy: "MIGRATE_GROUPS"
      ) {
        OutputCheck(
          "the groups are named", command: #"printf '%s\n' "${EXPORT_GROUPS}""#, expect: .nonEmpty,
          failure: "--migrate-groups yes needs --export-groups, e.g. --export-groups groupA,groupB."
        )
        tool(
          "export_db.py", profile: "SRC_PROFILE", #"--export-groups "${EXPORT_GROUPS}""#,
          exportSuffix: "/groups")
      }
      Step(
        "export-top-level", "Export the top-level notebooks",
        explanation:
          "Exports the notebooks and directories outside /Users, with their ACLs, into EXPORT_DIR/top-level.",
        enabledBy: "MIGRATE_TOP_LEVEL"
      ) {
        tool(
          "export_db.py", profile: "SRC_PROFILE", "--workspace-top-level-only",
          exportSuffix: "/top-level")
        tool("export_db.py", profile: "SRC_PROFILE", "--workspace-acls", exportSuffix: "/top-level")
      }
      Step(
        "rename-instance-profile", "Rename the instance profile in the export",
        explanation:
          "Replaces OLD_INSTANCE_PROFILE with NEW_INSTANCE_PROFILE (the whole ARN, account id and profile name) in every log of EXPORT_DIR, clusters.log included: the ARN is also in the users, groups, instance-profile, policy and job logs. The text is replaced literally, and replacing it again changes nothing.",
        admonitions: [
          .note(
            "AWS only. The instance profile must exist in the target workspace's account under its new name."
          )
        ],
        enabledBy: "RENAME_INSTANCE_PROFILE"
      ) {
        OutputCheck(
          "both ARNs are given and the new one does not contain the old one",
          command:
            #"if [[ -n "${OLD_INSTANCE_PROFILE}" && -n "${NEW_INSTANCE_PROFILE}" && "${NEW_INSTANCE_PROFILE}" != *"${OLD_INSTANCE_PROFILE}"* ]]; then echo ok; fi"#,
          expect: .equals("ok"),
          failure:
            "--rename-instance-profile yes needs --old-instance-profile and --new-instance-profile, and the new ARN must not contain the old one."
        )
        ShellCommand(
          #"""
          for file in "${EXPORT_DIR}"/*.log "${EXPORT_DIR}"/groups/*; do
            [[ -f "${file}" ]] || continue
            awk -v old="${OLD_INSTANCE_PROFILE}" -v new="${NEW_INSTANCE_PROFILE}" '{ out = ""; while ((i = index($0, old)) > 0) { out = out substr($0, 1, i - 1) new; $0 = substr($0, i + length(old)) } print out $0 }' "${file}" >"${file}.renamed"
            mv "${file}.renamed" "${file}"
          done
          """#)
      }
    }
  }

  static let metastoreExportFlags = #"""
    metastore=()
    if [[ "${SKIP_FAILED}" == yes ]]; then metastore=("${metastore[@]}" --skip-failed); fi
    if [[ -n "${CLUSTER_NAME}" ]]; then metastore=("${metastore[@]}" --cluster-name "${CLUSTER_NAME}"); fi
    if [[ -n "${DATABASE}" ]]; then metastore=("${metastore[@]}" --database "${DATABASE}"); fi
    """#
}
