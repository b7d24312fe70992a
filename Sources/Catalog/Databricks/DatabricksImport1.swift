import Model

/// 1.0's import phase: `import_db.py` once per component, users first so that
/// their artifacts have an owner.
extension Databricks {
  static func `import`(_ arguments: String, after prelude: String = "") -> ShellCommand {
    tool("import_db.py", profile: "DST_PROFILE", arguments, after: prelude)
  }

  static let import1 = Phase(
    id: "import", title: "Import into the target workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureTargetProfile
    }
    Section("Import") {
      Step(
        "import-users", "Import users and groups",
        explanation:
          "Users must exist before their artifacts (notebooks, clusters, jobs) are loaded.",
        admonitions: [
          .warning(
            "During the user and group import, users are notified of the new workspace and account; they need this to set up their credentials for the new workspace."
          ),
          .note(
            "Instance profiles (AWS only): group access to instance profiles takes precedence. A user who has access both directly and through a group is granted only the group's access."
          ),
        ]
      ) {
        `import`("--users")
      }
      Step(
        "import-clusters", "Import cluster templates",
        explanation:
          "Imports the cluster templates, instance pools and cluster policies with their ACLs.",
        admonitions: [
          .note(
            "The admin who runs the migration is seen as the creator of every cluster (relevant for billing). Creator tags cannot be updated, so each cluster gets a custom tag `OriginalCreator` with its original creator for DBU tracking."
          )
        ]
      ) {
        `import`("--clusters")
      }
      Step(
        "import-notebooks", "Import notebooks",
        explanation:
          "Imports every exported notebook. With --archive-missing yes, the notebooks of users who have left the organization go to `/Archive/<username>@domain.com`."
      ) {
        `import`(
          #"--workspace "${archive[@]}""#,
          after: #"""
            archive=()
            if [[ "${ARCHIVE_MISSING}" == yes ]]; then archive=(--archive-missing); fi
            """#)
      }
      Step(
        "import-workspace-acls", "Import workspace ACLs",
        explanation: "Applies the exported permissions to the imported workspace objects."
      ) {
        `import`("--workspace-acls")
      }
      Step(
        "import-jobs", "Import job templates",
        explanation: "Imports the job configurations with their ACLs.",
        admonitions: [
          .note(
            "The admin who runs the migration is seen as the owner of every job (relevant for billing). Jobs whose cluster no longer exists are reset to the default cluster type; jobs on older legacy instances fail with unsupported DBR or instance types."
          )
        ]
      ) {
        `import`("--jobs")
      }
      Step(
        "import-metastore", "Import the Hive Metastore",
        explanation:
          "Runs Spark commands on a cluster (the one named by --cluster-name, or a small default one) to create the exported table definitions."
      ) {
        `import`(
          #"--metastore "${metastore[@]}""#,
          after: #"""
            metastore=()
            if [[ -n "${CLUSTER_NAME}" ]]; then metastore=("${metastore[@]}" --cluster-name "${CLUSTER_NAME}"); fi
            """#)
      }
    }
  }
}
