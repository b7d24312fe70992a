import Model

/// Where 2.0 departs from the pipeline README's commands.
extension Databricks {
  @CorrectionsBuilder static var version2Corrections: [Correction] {
    Correction(
      "The session is named up front",
      source:
        "python3 migration_pipeline.py --profile $SRC_PROFILE --export-pipeline --use-checkpoint [--session $SESSION_ID]",
      problem:
        "`[--session $SESSION_ID]` is optional in the README, but without it the pipeline makes up a random session that the resume, the AWS account-id update, the import and the validation all need to know; bash would also pass the brackets literally.",
      fix:
        "SESSION is a required parameter, passed with --session to the export and the import, and used for the export directory of `update-account-id` and by validate_pipeline.sh.",
      steps: ["export-pipeline", "update-account-id", "import-pipeline", "validate"])
    Correction(
      "The recommended parameters are passed",
      source: "retry-total=30, num-parallel=8, retry-backoff=1.0",
      problem: "The README recommends these values but its commands do not pass them.",
      fix:
        "Every pipeline run passes --num-parallel, --retry-total and --retry-backoff from NUM_PARALLEL, RETRY_TOTAL and RETRY_BACKOFF, whose defaults are the recommended values.",
      steps: ["export-pipeline", "import-pipeline", "export-target"])
    Correction(
      "The validation export needs its own session and an optional cluster name",
      source:
        "python3 migration_pipeline.py --profile $DST_PROFILE --export-pipeline --use-checkpoint --cluster-name",
      problem:
        "`--cluster-name` is given without a value, which the pipeline rejects, and the command names no session, although validate_pipeline.sh needs the id of this export.",
      fix:
        "The export of the target runs with --session DST_SESSION (required in the validate phase) and with --cluster-name only when CLUSTER_NAME is set.",
      steps: ["export-target"])
    Correction(
      "The validation script runs from the tool's directory",
      source: "./validate_pipeline.sh $SRC_EXPORT_SESSION_ID $DST_EXPORT_SESSION_ID",
      problem: "The script only works from the top-level directory of the tool's checkout.",
      fix:
        "It runs in TOOL_DIR as VALIDATE_SCRIPT with SESSION and DST_SESSION.",
      steps: ["validate"])
    Correction(
      "Installing the tool runs in its checkout",
      source: "python3 setup.py install",
      problem: "The README says to run it from the top-level project directory.",
      fix: "It runs in a subshell that changes to TOOL_DIR first.",
      steps: ["install-tool"])
    Correction(
      "The account-id update is optional, quoted, and names the session's directory",
      source:
        "python3 export_db.py --profile $SRC_PROFILE --use-checkpoint --old-account-id $OLD_AWS_ACCT_ID --update-account-id $NEW_AWS_ACCT_ID --set-export-dir $EXPORT_DIR/$SESSION_ID",
      problem:
        "It is only needed when the workspaces are in different AWS accounts, and the README's variables are unquoted.",
      fix:
        "The step runs only with UPDATE_ACCOUNT_ID yes, right after the export, with every variable quoted.",
      steps: ["update-account-id"])
    Correction(
      "The step-by-step commands are replaced by the pipeline",
      source:
        "python export_db.py / import_db.py --profile DEMO|NEW_DEMO --users, --clusters, --workspace, --download, --workspace-acls, --jobs, --metastore, --get-repair-log, --table-acls, --secrets, --mlflow-experiments, --mlflow-experiments-permissions, --mlflow-runs (\"Import using step-by-step tools (not recommended)\")",
      problem:
        "The README calls the stepwise tools the legacy mode and does not recommend them; running them as well as the pipeline would export and import everything twice.",
      fix:
        "`export-pipeline` and `import-pipeline` run the same tasks (including secrets, metastore table ACLs and MLflow objects, after the other objects) with checkpointing. The single-user (`--export-home`, `--import-home`), group (`--export-groups`, `--import-groups`, `--reset-export`) and top-level (`--workspace-top-level-only`, `--workspace-top-level`) variants are alternatives to a workspace migration and are left out; the cluster-file `sed` edit for instance profiles is replaced by `update-account-id`.",
      steps: ["export-pipeline", "update-account-id", "import-pipeline"])
    Correction(
      "Jobs are unpaused by hand at cut-over",
      source:
        "python export_db.py --profile DEMO --pause-all-jobs / python import_db.py --profile NEW_DEMO --unpause-all-jobs / python import_db.py --profile NEW_DEMO --import-pause-status",
      problem:
        "Imported jobs are paused so that no job runs in both workspaces; when to pause the old jobs and unpause the new ones is a cut-over decision, not part of the migration.",
      fix:
        "The import step's note names these commands, to run when you cut over.",
      steps: ["import-pipeline"])
    Correction(
      "SSL verification is switched off by a parameter",
      source: #"export REQUESTS_CA_BUNDLE="" / export CURL_CA_BUNDLE="" / --no-ssl-verification"#,
      problem:
        "The README says to add these to \"your current bash shell\", which would switch verification off for everything else run in it too, whether or not it is needed.",
      fix:
        "With NO_SSL_VERIFICATION yes, each tool command gets `--no-ssl-verification` and exports REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE empty; with NO_SSL_VERIFICATION no (the default), verification stays on.",
      steps: ["export-pipeline", "update-account-id", "import-pipeline", "export-target"])
  }
}
