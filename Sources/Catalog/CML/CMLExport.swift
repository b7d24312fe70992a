import Model

extension CML {
  static let exportPhase = Phase(
    id: "export", title: "Export data from CDSW", runsOn: "the CDSW master host",
    summary:
      "Dumps the CDSW database, without the contents of its sensitive tables, and archives it with the project files. Copy the archive to the machine that will run the import.",
    preflight: [kubectlReachesCluster]
  ) {
    Section("Exporting data from CDSW") {
      Step("confirm-full-backup", "Take a full backup of the CDSW cluster") {
        ManualInstruction(
          "Take a full backup of the CDSW cluster before you go on. The export below is only a partial backup: it leaves out the sensitive tables so that they need not be shared during the migration."
        )
      }
      Step(
        "save-cdsw-replicas", "Record the replica counts of the database clients",
        explanation: "So that the clients come back exactly as they were, not at guessed counts."
      ) {
        saveReplicas(of: cdswClients, to: "cdsw-replicas.txt", namespace: "")
      }
      Step(
        "stop-cdsw-database-clients", "Spin down the database clients",
        explanation:
          "The CDSW service must keep running because the database must be up, but spinning down every database client makes the dump consistent.",
        admonitions: [
          .warning("CDSW is unavailable to its users from here until the clients are spun back up.")
        ]
      ) {
        scaleDown(cdswClients, namespace: "")
        podsGone(cdswClients, namespace: "")
      }
      Step(
        "dump-database", "Export the contents of the database",
        explanation:
          "The contents of the sensitive tables (Kerberos, SSH keys, access keys) are excluded from the dump. It is written to a temporary name and renamed when complete."
      ) {
        OutputCheck(
          "exactly one database pod",
          command: "kubectl get pod | awk '/^db/ && !/^db-migrate/ { n++ } END { print n + 0 }'",
          expect: .equals("1"),
          failure:
            "Expected exactly one database pod (named db..., not db-migrate...): check `kubectl get pod`."
        )
        ShellCommand(
          """
          db_pod=$(kubectl get pod | awk '/^db/ && !/^db-migrate/ { print $1 }')
          kubectl exec "${db_pod}" -- pg_dump -U sense \\
            --exclude-table-data=kerberos --exclude-table-data=kerberos_seq \\
            --exclude-table-data=ssh_keys --exclude-table-data=ssh_keys_seq \\
            --exclude-table-data=access_keys --exclude-table-data=access_keys_seq \\
            >"${CDSW_DIR}/db.sql.partial"
          mv "${CDSW_DIR}/db.sql.partial" "${CDSW_DIR}/db.sql"
          """)
      }
      Step("start-cdsw-database-clients", "Spin the database clients back up") {
        restoreReplicas(from: "cdsw-replicas.txt", namespace: "")
        available(cdswClients, namespace: "")
      }
      Step(
        "archive-dump-and-projects", "Archive the dump with the project files",
        explanation: "`projects/scratch` is left out because it holds temporary data."
      ) {
        ShellCommand(
          """
          tar --exclude='projects/scratch/*' -czf "${ARCHIVE}.partial" -C "${CDSW_DIR}" db.sql projects
          mv "${ARCHIVE}.partial" "${ARCHIVE}"
          """)
      }
      Step(
        "remove-database-dump", "Dispense with the database dump",
        explanation:
          "The dump is inside the archive now. Copy the archive to the machine that will run the import."
      ) {
        ShellCommand(#"rm "${CDSW_DIR}/db.sql""#)
      }
    }
  }
}
