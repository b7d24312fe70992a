import Model

/// Where 1.0 departs from the stepwise README's commands.
extension Databricks {
  @CorrectionsBuilder static var version1Corrections: [Correction] {
    Correction(
      "Commands run with python3, from the tool's checkout, on a chosen export directory",
      source: "python export_db.py --profile DEMO --users",
      problem:
        "`python` is Python 2 or missing on many current systems, the commands only work from inside the tool's checkout, and without `--set-export-dir` the artifacts go to `logs/` of whatever directory the command runs in.",
      fix:
        "Every command runs `python3 ./export_db.py` (or import_db.py) in TOOL_DIR with `--set-export-dir` and EXPORT_DIR made absolute (default `logs/`); the profiles DEMO and NEW_DEMO are the parameters SRC_PROFILE and DST_PROFILE.",
      steps: toolSteps1)
    Correction(
      "Jobs, workspace ACLs and the metastore are imported too",
      source: "python export_db.py --profile DEMO --jobs",
      problem:
        "The README shows how to export jobs, workspace ACLs and the Hive Metastore but no command that imports them; only its import help text lists `--jobs`, `--workspace-acls` and `--metastore`.",
      fix:
        "The import phase runs `import_db.py --workspace-acls`, `--jobs` and `--metastore` (with --cluster-name when given) after the notebooks.",
      steps: ["import-workspace-acls", "import-jobs", "import-metastore"])
    Correction(
      "A re-run of the jobs import does not create every job again",
      source: "--jobs                Import all job configurations to the environment.",
      problem:
        "The import calls `/jobs/create` for every line of jobs.log, without looking at the jobs the target already has (databrickslabs/migrate `dbclient/JobsClient.py` @ 1930985 lines 52–86; the workspace allows two jobs of one name), while clusters are skipped by name (`dbclient/ClustersClient.py` 181–189). A try that fails after creating some jobs, or whose success is lost, and is then run again (`--resume`) leaves each of those jobs twice. `JobsClient.delete_all_jobs` exists (115–118), but no import_db.py flag runs it at this commit.",
      fix:
        "Before its first try, import-jobs keeps the target's job ids (`databricks jobs list`); every try first deletes, with `databricks jobs delete`, the target's jobs not in that list, then imports, and removes the list once the import succeeded.",
      steps: ["import-jobs"])
    Correction(
      "The metastore variants are parameters",
      source:
        #"python export_db.py --profile DEMO --metastore --cluster-name "Test" --database "my_db""#,
      problem:
        "The README gives four metastore export commands (default, `--skip-failed`, `--cluster-name \"Test\"`, and `--database \"my_db\"`); running more than one exports the metastore again.",
      fix:
        "One step runs `--metastore` with `--skip-failed` when SKIP_FAILED is yes, `--cluster-name` when CLUSTER_NAME is set and `--database` when DATABASE is set.",
      steps: ["export-metastore", "import-metastore"])
    Correction(
      "The optional archive flag is a parameter",
      source: "python import_db.py --profile NEW_DEMO --workspace [--archive-missing]",
      problem:
        "`[--archive-missing]` is an optional flag written in brackets, which bash would pass literally.",
      fix: "`--archive-missing` is passed when ARCHIVE_MISSING is yes.",
      steps: ["import-notebooks"])
    Correction(
      "SSL verification is switched off by a parameter",
      source: #"export REQUESTS_CA_BUNDLE="" / export CURL_CA_BUNDLE="" / --no-ssl-verification"#,
      problem:
        "The FAQ says to add these to \"your current bash shell\", which would switch verification off for everything else run in it too, whether or not it is needed.",
      fix:
        "With NO_SSL_VERIFICATION yes, each tool command gets `--no-ssl-verification` and exports REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE empty; with NO_SSL_VERIFICATION no (the default), verification stays on.",
      steps: toolSteps1)
    Correction(
      "Single-user export and import are left out",
      source:
        "python export_db.py --profile DEMO --export-home example@foobar.com / python import_db.py --profile NEW_DEMO --import-home example@foobar.com",
      problem:
        "These commands migrate one user's home folder instead of the workspace; they are an alternative to the workspace migration, not a step of it.",
      fix:
        "The procedure migrates the whole workspace (`export-notebook-paths`, `export-notebooks`, `import-notebooks`); run the single-user commands by hand if that is all you need.",
      steps: ["export-notebook-paths", "export-notebooks", "import-notebooks"])
    Correction(
      "The cloud's flag is passed to every tool command",
      source: "--azure               Run on Azure. (Default is AWS)",
      problem:
        "The README shows every command without --azure; for an Azure workspace each of them raises `ValueError('Login credentials do not match args...')` before doing anything (databrickslabs/migrate `export_db.py` and `import_db.py` @ 1930985 lines 15–17).",
      fix:
        "CLOUD (aws or azure) is a parameter; with azure every export_db.py and import_db.py call gets --azure.",
      steps: toolSteps1)
    Correction(
      "Every command runs in the tool's checkout",
      source: "--jobs                Import all job configurations to the environment.",
      problem:
        "The jobs import opens `data/default_jobs_cluster_aws.json` relative to the working directory when a job's cluster is gone (databrickslabs/migrate `dbclient/JobsClient.py` @ 1930985 lines 8–13), so run from elsewhere it fails in exactly that case.",
      fix:
        "Every tool command runs in a subshell that changes to TOOL_DIR, with EXPORT_DIR made absolute first.",
      steps: toolSteps1)
    Correction(
      "Pausing and unpausing the jobs at cut-over is modelled",
      source:
        "--pause-all-jobs      Pause all scheduled jobs / --unpause-all-jobs    Unpause all scheduled jobs",
      problem:
        "The help texts list both flags but the README never says when to use them, nor that the jobs import creates every scheduled job paused (databrickslabs/migrate `dbclient/JobsClient.py` @ 1930985 lines 52–68; `pause_all_jobs` 99–113; `export_db.py` 127–143, `import_db.py` 115–131), so after the migration no scheduled job runs in the target.",
      fix:
        "The cut-over phase pauses the source's scheduled jobs (`export_db.py --pause-all-jobs`, with PAUSE_SOURCE_JOBS yes) and unpauses the target's (`import_db.py --unpause-all-jobs`, with UNPAUSE_TARGET_JOBS yes); the limitations say that the jobs are imported paused.",
      steps: ["pause-source-jobs", "unpause-target-jobs"])
    Correction(
      "Libraries and DBFS mounts are left out",
      source:
        "--libs                Log all the libs for the environment / --mounts              Log all mount points.",
      problem:
        "`export_db.py --libs` only logs library details, on AWS only, and `import_db.py --libs` prints \"Not supported today\" (`export_db.py` @ 1930985 lines 69–78, `import_db.py` 60–65); `--mounts` launches a cluster to write `dbfs_mounts.log`, and nothing imports it (`export_db.py` 159–166, `dbclient/DbfsClient.py` 24–54). Neither migrates anything.",
      fix:
        "No step runs them; the limitations say that libraries and mounts are not migrated.",
      steps: [])
  }

  /// Every 1.0 step that runs export_db.py or import_db.py.
  static let toolSteps1 = [
    "pause-source-jobs", "unpause-target-jobs",
    "export-users", "export-clusters", "export-notebook-paths", "export-notebooks",
    "export-workspace-acls", "export-jobs", "export-metastore", "import-users",
    "import-clusters", "import-notebooks", "import-workspace-acls", "import-jobs",
    "import-metastore",
  ]
}
