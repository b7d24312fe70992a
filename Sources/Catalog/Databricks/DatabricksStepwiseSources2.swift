import Model

/// Where each command line of seed 004 (`shared/seeds/004_06016e4614354de9.txt`)
/// went in the step-by-step 2.0: `gen-migration trace databricks@2.0 SOURCE`
/// lists them. The section "Import using step-by-step tools" is this
/// procedure's; the pipeline's lines before it are `databricks-pipeline`
/// 2.0's and are omitted here. Numbered references (`463: ...`) pick one of
/// the source's lines where another holds the same text: `--workspace` is
/// in `--workspace-acls` and `--workspace-top-level-only`, and the
/// top-level export repeats the workspace ACL export word for word.
extension Databricks {
  static let stepwiseSourceLines2: KeyValuePairs<String, [SourceReference]> = [
    "configure-source-profile": ["databricks configure --token --profile oldWS"],
    "export-users": ["python export_db.py --profile DEMO --users"],
    "export-clusters": ["python export_db.py --profile DEMO --clusters"],
    "export-notebook-paths": ["463: python export_db.py --profile DEMO --workspace"],
    "export-notebooks": ["python export_db.py --profile DEMO --download"],
    "export-workspace-acls": ["465: python export_db.py --profile DEMO --workspace-acls"],
    "export-jobs": ["python export_db.py --profile DEMO --jobs"],
    // The default and the three variants: one step with parameters.
    "export-metastore": ["python export_db.py --profile DEMO --metastore"],
    // All entries, and one database's.
    "export-table-acls": ["python export_db.py --profile DEMO --table-acls"],
    "export-secrets": [
      #"python export_db.py --profile DEMO --secrets --cluster-name "my_cluster""#
    ],
    "export-mlflow": [
      "python3 export_db.py --profile $SRC --mlflow-experiments --use-checkpoint",
      "python3 export_db.py --profile $SRC --mlflow-experiments-permissions --use-checkpoint",
      "python3 export_db.py --profile $SRC --mlflow-runs --use-checkpoint",
    ],
    "export-groups": ["python export_db.py --profile DEMO --export-groups 'groupA,groupB'"],
    "export-top-level": [
      "python export_db.py --profile DEMO --workspace-top-level-only",
      "615: python export_db.py --profile DEMO --workspace-acls",
    ],
    "rename-instance-profile": ["sed -i 's/old-text/new-text/g' input.txt"],
    "configure-target-profile": ["databricks configure --token --profile newWS"],
    "import-users": ["python import_db.py --profile NEW_DEMO --users"],
    "import-clusters": ["python import_db.py --profile NEW_DEMO --clusters"],
    "import-notebooks": ["python import_db.py --profile NEW_DEMO --workspace [--archive-missing]"],
    "import-workspace-acls": ["python import_db.py --profile NEW_DEMO --workspace-acls"],
    "import-jobs": ["python import_db.py --profile NEW_DEMO --jobs"],
    // With REPAIR_TABLES yes the import repairs the legacy tables that
    // `--get-repair-log` was meant to report (see the corrections).
    "import-metastore": [
      "python import_db.py --profile newDEMO --metastore",
      "python import_db.py --profile newDEMO --get-repair-log",
    ],
    "import-secrets": ["python import_db.py --profile newDEMO --secrets"],
    "import-mlflow": [
      "python3 import_db.py --profile $DST --src-profile $SRC --mlflow-experiments --use-checkpoint",
      "python3 import_db.py --profile $DST --src-profile $SRC --mlflow-experiments-permissions --use-checkpoint",
      "python3 import_db.py --profile $DST --src-profile $SRC --mlflow-runs --use-checkpoint",
    ],
    "import-groups": ["python import_db.py --profile newDEMO --import-groups"],
    "import-top-level": [
      "python import_db.py --profile newDEMO --workspace-top-level",
      "python import_db.py --profile newDEMO --workspace-acls",
    ],
    "pause-source-jobs": ["python export_db.py --profile DEMO --pause-all-jobs"],
    "unpause-target-jobs": ["python import_db.py --profile NEW_DEMO --unpause-all-jobs"],
    "restore-pause-status": ["python import_db.py --profile NEW_DEMO --import-pause-status"],
  ]

  static let stepwiseChangedLines2: KeyValuePairs<String, [SourceReference]> = [
    "Commands run with python3 in the tool's checkout, with the cloud's flag, on one export directory":
      lines(of: stepwiseToolSteps2, in: stepwiseSourceLines2),
    "The instance-profile edit names its file and replaces the text literally": [
      "sed -i 's/old-text/new-text/g' input.txt"
    ],
    "The repair of legacy tables runs with the metastore import": [
      "python import_db.py --profile newDEMO --get-repair-log"
    ],
    "The export directory is not reset before the group and top-level exports": [
      "--reset-export &&"
    ],
    "The secrets export requires its cluster and keeps the values private": [
      #"--secrets --cluster-name "my_cluster""#
    ],
    "The MLflow commands take their order, checkpoints and the source profile from the tool": [
      "--use-checkpoint --num-parallel 4", "--start-date 2022-02-26",
    ],
    "The pause status is restored from the export directory, and not together with unpausing": [
      "python import_db.py --profile NEW_DEMO --import-pause-status"
    ],
    "Re-running the jobs import deletes only the jobs an earlier try created; `--delete-all-jobs` is left out":
      ["python import_db.py --profile NEW_DEMO --jobs"],
    "The metastore variants are parameters": [
      "--metastore --skip-failed", #"--metastore --cluster-name "Test""#,
      #"--table-acls --database "my_db""#,
    ],
    "The optional archive flag is a parameter": ["[--archive-missing]"],
    "Single-user export and import are left out": [
      "--export-home example@foobar.com", "--import-home example@foobar.com",
    ],
    "SSL verification is switched off by a parameter": [
      "export REQUESTS_CA_BUNDLE=\"\"", "export CURL_CA_BUNDLE=\"\"",
    ],
  ]

  static let stepwiseOmissions2 =
    [Omission(pipelineHelp, reason: helpReason)]
    + lines(of: pipelineSteps2, in: pipelineSourceLines2).map {
      Omission(
        $0,
        reason:
          "A command of the recommended pipeline, which the README documents before the step-by-step tools: carried by databricks-pipeline 2.0."
      )
    } + [
      Omission("python export_db.py --help", reason: helpReason),
      Omission("python import_db.py --help", reason: helpReason),
      instanceProfileExample,
    ]
}
