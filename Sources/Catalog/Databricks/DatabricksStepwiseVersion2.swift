import Model

/// 2.0 of the step-by-step tool (seed 004's "Import using step-by-step
/// tools", databrickslabs/migrate faed13b).
extension Databricks {
  public static let version2 = Procedure(
    id: "databricks",
    title: "Databricks workspace migration",
    version: "2.0",
    summary:
      "Moves the resources of one Databricks workspace to another with the migrate tool's step-by-step export_db.py and import_db.py (the legacy mode; `databricks-pipeline` is the recommended one): export every component from the source workspace, then import them into the target, users first, and optionally cut the scheduled jobs over.",
    source:
      "Databricks Migration Tool README, \"Import using step-by-step tools\" (`shared/seeds/004_06016e4614354de9.txt`)",
    requirements: Requirements(
      accesses: [
        "Linux or macOS (Windows is not supported) with Python 3.6 or later (3.7 or later for MLflow), the Databricks CLI and a checkout of the migrate tool.",
        "A personal access token of a workspace admin in each workspace.",
        "DBR 6.x or later in the workspaces.",
      ]),
    admonitions: [
      .note(
        "This is the tool's legacy mode and is not recommended: the checkpointed pipeline (`databricks-pipeline`) exports and imports the same objects, MLflow apart."
      ),
      .warning(
        "If you export several workspaces, give each its own --export-dir (the tool's --set-export-dir), so that their artifacts do not mix."
      ),
    ],
    limitations: stepwise2Limitations,
    parameters: {
      toolDir
      sourceProfile
      targetProfile
      exportDir
      cloud(
        ["aws", "azure", "gcp"],
        evidence:
          "databrickslabs/migrate `export_db.py` @ faed13b lines 20–25, `import_db.py` 17–22")
      noSSLVerification
      clusterName
      Parameter(
        "SKIP_FAILED",
        "yes to export the metastore without retrying failed exports through every instance profile (--skip-failed).",
        default: "no", kind: .yesNo, phases: ["export"])
      Parameter(
        "DATABASE",
        "A single database whose metastore and table ACLs to export (--database); empty exports them all.",
        default: "", phases: ["export"])
      archiveMissing
      Parameter(
        "REPAIR_TABLES",
        "yes to find and repair (`MSCK REPAIR TABLE`) the legacy partitioned tables right after the metastore import (--repair-metastore-tables).",
        default: "no", kind: .yesNo, phases: ["import"])
      Parameter(
        "TABLE_ACLS", "yes to export and import the table ACLs (--table-acls).", default: "no",
        kind: .yesNo)
      Parameter(
        "MIGRATE_SECRETS", "yes to export and import the secret scopes and values (--secrets).",
        default: "no", kind: .yesNo)
      Parameter(
        "SECRETS_CLUSTER",
        "Existing cluster to read the secret values on (--cluster-name of the secrets export).",
        default: "", phases: ["export"])
      Parameter(
        "MIGRATE_MLFLOW",
        "yes to export and import the MLflow experiments, their permissions and runs.",
        default: "no", kind: .yesNo)
      Parameter(
        "MLFLOW_START_DATE",
        "Export the MLflow runs since this date (YYYY-MM-DD, --start-date); empty means the past 30 days.",
        default: "", phases: ["export"])
      Parameter(
        "NUM_PARALLEL", "Parallel threads of the MLflow commands (--num-parallel).",
        default: "4", kind: .integer)
      Parameter(
        "MIGRATE_GROUPS",
        "yes to also export and import the groups named in EXPORT_GROUPS, with their members' homes and jobs (--export-groups, --import-groups), in EXPORT_DIR/groups.",
        default: "no", kind: .yesNo)
      Parameter(
        "EXPORT_GROUPS", "Comma-separated groups for --migrate-groups yes, e.g. groupA,groupB.",
        default: "", phases: ["export"])
      Parameter(
        "MIGRATE_TOP_LEVEL",
        "yes to also export and import the notebooks outside /Users (--workspace-top-level-only, --workspace-top-level), in EXPORT_DIR/top-level.",
        default: "no", kind: .yesNo)
      Parameter(
        "RENAME_INSTANCE_PROFILE",
        "yes to replace an instance profile ARN in the export before the import (AWS).",
        default: "no", kind: .yesNo, phases: ["export"])
      Parameter(
        "OLD_INSTANCE_PROFILE", "The instance profile ARN to replace.", default: "",
        phases: ["export"])
      Parameter(
        "NEW_INSTANCE_PROFILE", "The ARN that replaces it.", default: "", phases: ["export"])
      pauseSourceJobsParameter
      unpauseTargetJobsParameter
      Parameter(
        "RESTORE_PAUSE_STATUS",
        "yes to give each imported job the pause status it had in the source (--import-pause-status) instead of unpausing them all.",
        default: "no", kind: .yesNo, phases: ["cut-over"])
    },
    phases: {
      stepwiseExport2
      stepwiseImport2
      stepwiseCutOver2
    },
    corrections: { stepwise2Corrections }
  ).traced(
    steps: stepwiseSourceLines2, corrections: stepwiseChangedLines2, omissions: stepwiseOmissions2)

  static let stepwise2Limitations = [
    "Libraries are not migrated: the export logs their details on AWS only and the import does not support them (databrickslabs/migrate `export_db.py` @ faed13b lines 97–99).",
    "DBFS mounts can be exported (`--mounts`) but not imported; DBFS data is not migrated: contact your Databricks support team.",
    "Private repos cannot be imported; add them by hand with the original user's credentials.",
    "MLflow: Feature Store, the Model Registry and metric history are not migrated. See https://github.com/mlflow/mlflow-export-import.",
    "Table ACLs: user functions are not exported.",
    "Secrets whose value is too large fail with an error.",
    "Cluster creator and job owner: the admin who migrates them is seen as creator and owner (relevant for billing); the original creator is kept in the custom tag `OriginalCreator`. Jobs whose cluster no longer exists get the default cluster type.",
    "Every imported scheduled job is paused; the cut-over phase unpauses them, or restores the source's pause status, when asked.",
    "Instance profiles (AWS only): group access takes precedence; a user with access both directly and through a group gets only the group's access.",
  ]
}
