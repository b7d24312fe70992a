import Model

/// Where `databricks-pipeline` 2.0 departs from the pipeline README's
/// commands.
extension Databricks {
  @CorrectionsBuilder static var version2Corrections: [Correction] {
    Correction(
      "The session is named up front",
      source:
        "python3 migration_pipeline.py --profile $SRC_PROFILE --export-pipeline --use-checkpoint [--session $SESSION_ID]",
      problem:
        "`[--session $SESSION_ID]` is optional in the README, but without it the pipeline makes up a random session that the resume, the AWS account-id update, the import and the validation all need to know; bash would also pass the brackets literally.",
      fix:
        "SESSION is a required parameter, passed with --session to the export and the import, and used for the export directory of `update-account-id` and by the validation.",
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
      "The validation does what validate_pipeline.sh does, on EXPORT_DIR, and needs two sessions",
      source: "./validate_pipeline.sh $SRC_EXPORT_SESSION_ID $DST_EXPORT_SESSION_ID",
      problem:
        "The script reads `logs/$SESSION` whatever --set-export-dir the exports used, runs `python3 migration_pipeline.py` relative to the working directory, aborts (`set -e`) when a session has no table_acls/*.json.gz, writes its diff logs over two tracked files of the checkout, and needs `diffstat`, which the tool does not install (databrickslabs/migrate `validate_pipeline.sh` @ faed13b lines 3–28). Differences never fail it: the diff tasks only log them (`tasks/tasks.py` 432–470). Nothing stops DST_SESSION from being SESSION, so that the target's export overwrites the source's and a session is compared with itself.",
      fix:
        "DST_SESSION must differ from SESSION (a parameter rule, refused before anything runs); `validate` unpacks the table ACLs only when there are some, runs `migration_pipeline.py --validate-pipeline --set-export-dir EXPORT_DIR` on both sessions in TOOL_DIR, and diffs the artifacts and the metastore into EXPORT_DIR/validation_*.log with `diffstat -s` (both required tools of the phase); a diff that fails (status 2) fails the step.",
      steps: ["validate"])
    Correction(
      "The cloud's flag is passed to every pipeline and tool command",
      source:
        "python3 migration_pipeline.py --profile $SRC_PROFILE --export-pipeline --use-checkpoint [--session $SESSION_ID]",
      problem:
        "The commands have no --azure or --gcp; for an Azure or GCP workspace the pipeline raises `ValueError('Login credentials do not match args...')` before doing anything (databrickslabs/migrate `migration_pipeline.py` @ faed13b lines 29–37, `export_db.py` 20–25).",
      fix:
        "CLOUD (aws, azure or gcp) is a parameter; every migration_pipeline.py and export_db.py call gets --azure or --gcp from it, and `update-account-id` refuses a cloud other than aws.",
      steps: ["export-pipeline", "update-account-id", "import-pipeline", "export-target"])
    Correction(
      "The import's confirmation is asked by the script, and the pipeline gets --no-prompt",
      source:
        "python3 migration_pipeline.py --profile $DST_PROFILE --import-pipeline --use-checkpoint [--session $SESSION_ID]",
      problem:
        "Unless given --no-prompt, the import pipeline asks \"Import from `SOURCE` into `TARGET`? (y/N)\" with `input()` before it consults its checkpoint, so on every run and every resume; without a terminal (`--yes`, cron) `input()` raises EOFError and the import dies (databrickslabs/migrate `migration_pipeline.py` @ faed13b lines 130–137, `dbclient/parser.py` 473–474).",
      fix:
        "`confirm-import-source` prints the source URL the export recorded (EXPORT_DIR/SESSION/source_info.txt) and asks the operator once; under --yes it checks that the file exists and does not name the target's host. `import-pipeline` always passes --no-prompt.",
      steps: ["confirm-import-source", "import-pipeline"])
    Correction(
      "The tool runs in its checkout, on an absolute export directory",
      source:
        "python3 migration_pipeline.py --profile $DST_PROFILE --import-pipeline --use-checkpoint [--session $SESSION_ID]",
      problem:
        "The jobs import opens `data/default_jobs_cluster_<cloud>.json` relative to the working directory when a job's cluster is gone (databrickslabs/migrate `dbclient/JobsClient.py` @ faed13b lines 10–17, 178–181), so a run from elsewhere fails in exactly that case.",
      fix:
        "Every tool command runs in a subshell that changes to TOOL_DIR, with EXPORT_DIR made absolute first.",
      steps: [
        "export-pipeline", "update-account-id", "import-pipeline", "export-target", "validate",
      ])
    Correction(
      "The secrets on disk are made private and named",
      source:
        "python3 migration_pipeline.py --profile $SRC_PROFILE --export-pipeline --use-checkpoint [--session $SESSION_ID]",
      problem:
        "The pipeline's secrets task writes every secret value, base64-encoded, to EXPORT_DIR/SESSION/secret_scopes/ (databrickslabs/migrate `dbclient/SecretsClient.py` @ faed13b lines 20–56, `migration_pipeline.py` 55–56), and the validation export writes the target's too; the README does not say so.",
      fix:
        "Both exports warn about it and make secret_scopes/ readable by its owner only (`chmod -R go-rwx`).",
      steps: ["export-pipeline", "export-target"])
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
        "`export-pipeline` and `import-pipeline` run the same tasks (secrets and metastore table ACLs included) with checkpointing, except MLflow: migration_pipeline.py has no MLflow task (databrickslabs/migrate `migration_pipeline.py` @ faed13b lines 81–153), so the MLflow commands are in the step-by-step procedure, `databricks@2.0` (--migrate-mlflow yes), which also holds every other command of this section. The single-user (`--export-home`, `--import-home`), group (`--export-groups`, `--import-groups`, `--reset-export`) and top-level (`--workspace-top-level-only`, `--workspace-top-level`) variants are alternatives to a workspace migration and are left out; the cluster-file `sed` edit for instance profiles is replaced by `update-account-id`.",
      steps: ["export-pipeline", "update-account-id", "import-pipeline"])
    Correction(
      "Jobs are unpaused by hand at cut-over",
      source:
        "python export_db.py --profile DEMO --pause-all-jobs / python import_db.py --profile NEW_DEMO --unpause-all-jobs / python import_db.py --profile NEW_DEMO --import-pause-status",
      problem:
        "Imported jobs are paused so that no job runs in both workspaces; when to pause the old jobs and unpause the new ones is a cut-over decision, not part of the migration.",
      fix:
        "The import step's note names these commands, to run in TOOL_DIR when you cut over; `--import-pause-status` with the `--set-export-dir` and `--session` it needs (it reads EXPORT_DIR/SESSION/jobs.log and job_id_map.log, databrickslabs/migrate `dbclient/JobsClient.py` @ faed13b lines 284–301, `import_db.py` 27–30), and its reset of the jobs' whole settings.",
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
