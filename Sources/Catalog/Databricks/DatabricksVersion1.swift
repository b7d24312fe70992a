import Model

/// 1.0: the stepwise `export_db.py` / `import_db.py` edition.
extension Databricks {
  public static let version1 = Procedure(
    id: "databricks",
    title: "Databricks workspace migration",
    version: "1.0",
    summary:
      "Moves the resources of one Databricks workspace to another (between cloud providers, regions or accounts) with the migrate tool's export_db.py and import_db.py: export every component from the source workspace in the documented order of operations, then import them into the target workspace, users first.",
    source:
      "Databricks Migration Tool README, stepwise edition (`shared/seeds/002_bb3c1512aa9e7827.txt`)",
    requirements: Requirements(
      accesses: [
        "Python 3 (the tool is based on Python 3.6) with a checkout of the migrate tool (export_db.py, import_db.py).",
        "The Databricks CLI, and a personal access token of a workspace admin in each workspace.",
        "DBR 6.x or 7.x in the workspaces.",
      ]),
    admonitions: [
      .warning(
        "If you export several workspaces, give each its own --export-dir (the tool's --set-export-dir), so that their artifacts do not mix."
      )
    ],
    limitations: version1Limitations,
    parameters: {
      toolDir
      sourceProfile
      targetProfile
      exportDir
      noSSLVerification
      clusterName
      Parameter(
        "SKIP_FAILED",
        "yes to export the metastore without retrying failed exports through every IAM role (--skip-failed).",
        default: "no", kind: .yesNo, phases: ["export"])
      Parameter(
        "DATABASE",
        "A single database to export from the metastore (--database); empty exports them all.",
        default: "", phases: ["export"])
      archiveMissing
      cloud(
        ["aws", "azure"],
        evidence:
          "databrickslabs/migrate `export_db.py` and `import_db.py` @ 1930985 lines 15–17; 1930985 has no --gcp"
      )
      pauseSourceJobsParameter
      unpauseTargetJobsParameter
    },
    phases: {
      export1
      import1
      Phase(id: "cut-over", title: "Cut over the scheduled jobs", runsOn: runsOn) {
        Section("Jobs") {
          pauseSourceJobs
          unpauseTargetJobs
        }
      }
    },
    corrections: { version1Corrections }
  ).traced(steps: sourceLines1, corrections: changedLines1, omissions: omissions1)

  static let version1Limitations = [
    "Libraries are not migrated: `export_db.py --libs` only logs library details, on AWS only, and `import_db.py --libs` prints \"Not supported today\" (databrickslabs/migrate `export_db.py` @ 1930985 lines 69–78, `import_db.py` 60–65).",
    "DBFS mounts are not migrated: `export_db.py --mounts` only writes `dbfs_mounts.log` (on a cluster it launches), and there is no import (`export_db.py` @ 1930985 lines 159–166, `dbclient/DbfsClient.py` 24–54).",
    "Every imported scheduled job is paused (`dbclient/JobsClient.py` @ 1930985 lines 52–68) and the source's jobs keep running: the cut-over phase pauses the source's (--pause-source-jobs yes) and unpauses the target's (--unpause-target-jobs yes) when asked.",
    "Secrets, ML models, table ACLs and MLflow objects cannot be exported or imported with this tool; for MLflow see https://github.com/amesar/mlflow-tools/tree/master/mlflow_tools/export_import.",
    "Cluster creator: the admin who migrates the clusters is seen as the creator of every cluster (relevant for billing); the original creator is kept in the custom tag `OriginalCreator`.",
    "Job owner: the admin who migrates the jobs is seen as the owner of every job (relevant for billing).",
    "Jobs whose existing cluster no longer exists are reset to the default cluster type; jobs with older legacy instances fail with unsupported DBR or instance types.",
    "Instance profiles (AWS only): group access takes precedence; a user with access both directly and through a group gets only the group's access.",
  ]
}
