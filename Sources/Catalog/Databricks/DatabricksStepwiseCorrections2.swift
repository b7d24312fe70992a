import Model

/// Where 2.0 of the step-by-step tool departs from seed 004's "Import using
/// step-by-step tools" section. The evidence is databrickslabs/migrate at
/// faed13bdc39d895283b0fc2e55e4d17aa33cfdf5, the commit of the seed.
extension Databricks {
  @CorrectionsBuilder static var stepwise2Corrections: [Correction] {
    Correction(
      "Commands run with python3 in the tool's checkout, with the cloud's flag, on one export directory",
      source: "python export_db.py --profile DEMO --users",
      problem:
        "`python` is Python 2 or missing on many systems; without `--set-export-dir` export and import use `logs/`, `azure_logs/` or `gcp_logs/` of the working directory (databrickslabs/migrate `dbclient/parser.py` @ faed13b lines 429–439); the jobs import opens `data/default_jobs_cluster_<cloud>.json` relative to the working directory (`dbclient/JobsClient.py` 10–17); and an Azure or GCP workspace without `--azure` or `--gcp` raises ValueError before anything is done (`export_db.py` 20–25, `import_db.py` 17–22).",
      fix:
        "Every command runs `(cd \"${TOOL_DIR}\" && python3 ./export_db.py …)` (or import_db.py) with --set-export-dir EXPORT_DIR made absolute and --azure or --gcp from CLOUD; DEMO, NEW_DEMO, newDEMO, $SRC and $DST are SRC_PROFILE and DST_PROFILE.",
      steps: stepwiseToolSteps2)
    Correction(
      "The instance-profile edit names its file and replaces the text literally",
      source: "sed -i 's/old-text/new-text/g' input.txt",
      problem:
        "The file is EXPORT_DIR/clusters.log, and an ARN holds `/` and `:`, which break a `/`-delimited sed expression; the ARN is also in the users, groups, instance-profile, policy and job logs (databrickslabs/migrate `dbclient/dbclient.py` @ faed13b lines 401–416 rewrites those for `--update-account-id`, which changes only the account id, not the profile name).",
      fix:
        "With RENAME_INSTANCE_PROFILE yes, after every export, `rename-instance-profile` replaces OLD_INSTANCE_PROFILE by NEW_INSTANCE_PROFILE literally (awk `index`, no pattern) in every log of EXPORT_DIR; a new ARN that contains the old one is refused, so a re-run changes nothing.",
      steps: ["rename-instance-profile"])
    Correction(
      "The repair of legacy tables runs with the metastore import",
      source: "python import_db.py --profile newDEMO --get-repair-log",
      problem:
        "Since 2021 (`70afac3`) `--get-repair-log` no longer reports and uploads a log for the repair notebook: it runs `MSCK REPAIR TABLE` for the tables in repair_tables.log, on a default cluster, or logs \"No tables to repair\" (databrickslabs/migrate `import_db.py` @ faed13b lines 278–285, `dbclient/HiveClient.py` 616–635). repair_tables.log, and its upload to dbfs:/tmp/migration/repair_ddl.log that the notebook reads, are written only by `--metastore --repair-metastore-tables` (`HiveClient.py` 423–426, 583–614), which also repairs them. After the README's plain `--metastore` the command does nothing.",
      fix:
        "With REPAIR_TABLES yes, `import-metastore` runs `--metastore --repair-metastore-tables`, which reports and repairs the legacy tables in the same run; neither `--get-repair-log` nor the repair notebook (`data/repair_tables_for_migration.py`) is needed.",
      steps: ["import-metastore"])
    Correction(
      "`--last-session` is left out: import_db.py has no such option",
      source:
        "--last-session  The session to compare against. If set, the script compares current sesssion with the last session and only import updated and new notebooks.",
      problem:
        "The import help text lists it, but it is an option of the pipeline's parser only (databrickslabs/migrate `dbclient/parser.py` @ faed13b lines 560–561; import_db.py's parser, 238–388, has none, and only the pipeline's notebook import uses it, `tasks/tasks.py` 186): `import_db.py --last-session X` exits with argparse's unrecognized-arguments error.",
      fix: "No step passes it; `import-notebooks` imports every exported notebook.",
      steps: ["import-notebooks"])
    Correction(
      "The export directory is not reset before the group and top-level exports",
      source:
        "python export_db.py --reset-export && python export_db.py --profile DEMO --export-groups 'groupA,groupB'",
      problem:
        "`--reset-export` (argparse's abbreviation of `--reset-exports`) asks `[yes/no]` on the terminal and then deletes the whole export directory (databrickslabs/migrate `export_db.py` @ faed13b lines 313–327), the workspace export included; the first command also has no --profile, so it needs a DEFAULT profile.",
      fix:
        "`export-groups` and `export-top-level` export into folders of their own, EXPORT_DIR/groups and EXPORT_DIR/top-level, which `import-groups` and `import-top-level` read; nothing is deleted.",
      steps: ["export-groups", "export-top-level", "import-groups", "import-top-level"])
    Correction(
      "The secrets export requires its cluster and keeps the values private",
      source: #"python export_db.py --profile DEMO --secrets --cluster-name "my_cluster""#,
      problem:
        "Without --cluster-name the export prints a message, exports nothing and exits 0 (databrickslabs/migrate `export_db.py` @ faed13b lines 187–190); with it, every secret value is read on the cluster and written base64-encoded, recoverable, to EXPORT_DIR/secret_scopes/<scope> (`dbclient/SecretsClient.py` 20–56), and the README says nothing about it.",
      fix:
        "The step fails unless SECRETS_CLUSTER is given, makes secret_scopes/ readable by its owner only (`chmod -R go-rwx`), and both secret steps warn that the folder holds every value and must be deleted after the import.",
      steps: ["export-secrets", "import-secrets"])
    Correction(
      "The MLflow commands take their order, checkpoints and the source profile from the tool",
      source:
        "python3 import_db.py --profile $DST --src-profile $SRC  --mlflow-runs --use-checkpoint --num-parallel 4",
      problem:
        "The runs import copies artifacts from the source and asserts --src-profile (databrickslabs/migrate `import_db.py` @ faed13b line 270); the permissions and runs need the experiments' log or id map first (`dbclient/MLFlowClient.py` 26, 50); and these commands, unlike most, exit 1 when an object failed (`logging_utils.py` 87–89).",
      fix:
        "`export-mlflow` and `import-mlflow` (MIGRATE_MLFLOW yes) run the three commands in the README's order with --use-checkpoint and NUM_PARALLEL, the import with --src-profile SRC_PROFILE, and MLFLOW_START_DATE as --start-date when given.",
      steps: ["export-mlflow", "import-mlflow"])
    Correction(
      "The pause status is restored from the export directory, and not together with unpausing",
      source: "python import_db.py --profile NEW_DEMO --import-pause-status",
      problem:
        "It reads jobs.log and job_id_map.log from the export directory, joined with the session, and raises ValueError when either is missing (databrickslabs/migrate `dbclient/JobsClient.py` @ faed13b lines 284–301, `import_db.py` 27–30); it posts `/jobs/reset` with the source's whole settings, which undoes the cluster, policy and pool remapping of the import (168–195).",
      fix:
        "`restore-pause-status` (RESTORE_PAUSE_STATUS yes, in the cut-over phase) runs it with --set-export-dir EXPORT_DIR, warns that it resets the jobs' settings, and refuses to run together with UNPAUSE_TARGET_JOBS.",
      steps: ["restore-pause-status"])
    Correction(
      "Re-running the jobs import deletes only the jobs an earlier try created; `--delete-all-jobs` is left out",
      source: "--delete-all-jobs     Delete all jobs",
      problem:
        "`import_db.py --jobs` creates every exported job again when run twice (databrickslabs/migrate `dbclient/JobsClient.py` @ faed13b lines 197–257, without --use-checkpoint); `--delete-all-jobs` asks `[yes/no]` and deletes every job of the target (`import_db.py` 190–200, `JobsClient.py` 327–330), the target's own included.",
      fix:
        "Before its first try `import-jobs` keeps the target's job ids; every try deletes only the jobs not in that list, then imports. No step deletes all jobs.",
      steps: ["import-jobs"])
    Correction(
      "The metastore variants are parameters",
      source:
        #"python export_db.py --profile DEMO --metastore --cluster-name "Test" --database "my_db""#,
      problem:
        "The README gives four metastore export commands and two table-ACL ones; running more than one exports again.",
      fix:
        "One step runs `--metastore` with --skip-failed (SKIP_FAILED yes), --cluster-name (CLUSTER_NAME) and --database (DATABASE), and `export-table-acls` runs `--table-acls` with --database when DATABASE is set.",
      steps: ["export-metastore", "export-table-acls"])
    Correction(
      "Table ACLs are imported too",
      source: #"python export_db.py --profile DEMO --table-acls --database "my_db""#,
      problem:
        "The README exports table ACLs but shows no command that imports them; import_db.py has `--table-acls` (databrickslabs/migrate `import_db.py` @ faed13b lines 145–152).",
      fix: "With TABLE_ACLS yes, `import-table-acls` runs `import_db.py --table-acls`.",
      steps: ["import-table-acls"])
    Correction(
      "The optional archive flag is a parameter",
      source: "python import_db.py --profile NEW_DEMO --workspace [--archive-missing]",
      problem: "`[--archive-missing]` is optional-flag notation, which bash would pass literally.",
      fix: "`--archive-missing` is passed when ARCHIVE_MISSING is yes.",
      steps: ["import-notebooks"])
    Correction(
      "Single-user export and import are left out",
      source:
        "python export_db.py --profile DEMO --export-home example@foobar.com / python import_db.py --profile NEW_DEMO --import-home example@foobar.com",
      problem:
        "They migrate one user's home folder instead of the workspace: an alternative, not a step.",
      fix: "Run them by hand if that is all you need.",
      steps: ["export-notebook-paths", "import-notebooks"])
    Correction(
      "SSL verification is switched off by a parameter",
      source: #"export REQUESTS_CA_BUNDLE="" / export CURL_CA_BUNDLE="" / --no-ssl-verification"#,
      problem:
        "The README says to set these in \"your current bash shell\", switching verification off for everything else run in it.",
      fix:
        "With NO_SSL_VERIFICATION yes, each tool command gets `--no-ssl-verification` and exports REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE empty, in its own subshell.",
      steps: stepwiseToolSteps2)
  }

  /// Every step of the step-by-step 2.0 that runs export_db.py or import_db.py.
  static let stepwiseToolSteps2 = [
    "export-users", "export-clusters", "export-notebook-paths", "export-notebooks",
    "export-workspace-acls", "export-jobs", "export-metastore", "export-table-acls",
    "export-secrets", "export-mlflow", "export-groups", "export-top-level", "import-users",
    "import-clusters", "import-notebooks", "import-workspace-acls", "import-jobs",
    "import-metastore", "import-table-acls", "import-secrets", "import-mlflow", "import-groups",
    "import-top-level", "pause-source-jobs", "unpause-target-jobs", "restore-pause-status",
  ]
}
