import Model

/// 2.0's export phase: install the tool, export with the pipeline and, when
/// the accounts differ, update the AWS account id in the exported ARNs.
extension Databricks {
  static let export2 = Phase(
    id: "export", title: "Export the source workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureSourceProfile
      Step(
        "install-tool", "Install the tool's package dependencies",
        explanation: "Installs the migrate tool from the top-level directory of its checkout."
      ) {
        ShellCommand(#"(cd "${TOOL_DIR}" && python3 setup.py install)"#)
      }
    }
    Section("Export") {
      Step(
        "export-pipeline", "Export the source workspace with the pipeline",
        explanation:
          "Runs every export task in order: instance profiles, users, groups, the workspace item log, workspace ACLs, notebooks, secrets, clusters, instance pools, jobs, the metastore and metastore table ACLs. Everything goes to EXPORT_DIR/SESSION. The pipeline has no MLflow task: MLflow objects are migrated by the step-by-step tool (`databricks@2.0`, --migrate-mlflow yes).",
        admonitions: [
          secretsOnDisk("SESSION"),
          .note(
            "If the export fails, run it again with the same --session (`migrate.sh export --resume`): with --use-checkpoint it continues from the last checkpoint."
          ),
        ]
      ) {
        pipeline(profile: "SRC_PROFILE", session: "SESSION", "--export-pipeline")
        privateSecrets("SESSION")
      }
      Step(
        "update-account-id", "Update the AWS account id in the exported instance profiles",
        explanation:
          "When the source and target workspaces are in different AWS accounts, rewrites the account id in the exported instance profile ARNs from OLD_AWS_ACCT_ID to NEW_AWS_ACCT_ID.",
        admonitions: [
          .warning(
            "This only updates the ARNs of the instance profiles; the same instance profiles must still exist in the target workspace."
          )
        ],
        enabledBy: "UPDATE_ACCOUNT_ID"
      ) {
        OutputCheck(
          "the workspaces are on AWS", command: #"printf '%s\n' "${CLOUD}""#,
          expect: .equals("aws"),
          failure:
            "--update-account-id yes is for AWS workspaces only (instance profiles are AWS-only).")
        tool(
          "export_db.py", profile: "SRC_PROFILE",
          #"--use-checkpoint --old-account-id "${OLD_AWS_ACCT_ID}" --update-account-id "${NEW_AWS_ACCT_ID}""#,
          exportSuffix: "/${SESSION}")
      }
    }
  }
}
