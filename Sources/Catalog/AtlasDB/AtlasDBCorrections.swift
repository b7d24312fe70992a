import Model

/// Where the AtlasDB model departs from the KVS migration document, and why;
/// the tool's behaviour is cited from palantir/atlasdb at tag 0.118.0 (the
/// first release after the document's commit) and 0.1175.0.
extension AtlasDB {
  @CorrectionsBuilder static var corrections: [Correction] {
    Correction(
      "The target configuration must be named",
      source:
        "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --setup",
      problem:
        "The source's example names `from.yml` and `to.yml`; run as written from the wrong directory, setup drops every table of whatever KVS `to.yml` there configures.",
      fix:
        "FROM_CONFIG and MIGRATE_CONFIG have no defaults and must be given; setup asks for `yes` naming the target configuration file before it drops anything.",
      steps: ["setup"])
    Correction(
      "The three commands run as separate steps",
      source:
        "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --setup --migrate --validate",
      problem:
        "The source allows one combined invocation, \"with the caveat that if the migration fails, care should be taken to identify which step failed\". Re-running it after a failed migrate would run setup again, which resets the migration.",
      fix:
        "Setup, migrate and validate are separate steps: a failure names the step, and `--resume` re-runs migrate (which continues from its checkpoint) without running setup again.",
      steps: ["setup", "migrate", "validate"])
    Correction(
      "A failed validation fails the step",
      source:
        "./bin/atlasdb-cli --offline migrate --fromConfig from.yml --migrateConfig to.yml --validate",
      problem:
        "The source says the command \"will validate the correctness of the migration\", but the CLI reports a failed validation only in its output and exits 0: `KvsMigrationCommand.execute` calls `validator.validate(true)` and returns 0 (palantir/atlasdb `atlasdb-cli/src/main/java/com/palantir/atlasdb/cli/command/KvsMigrationCommand.java` @ 0.118.0 lines 129–141, @ 0.1175.0 179–193), and `KeyValueServiceValidator.validate(logOnly)` catches every error, reports \"Validation failed.\" and rethrows only when logOnly is false (`atlasdb-impl-shared/src/main/java/com/palantir/atlasdb/schema/KeyValueServiceValidator.java` @ 0.118.0 83–95). A mismatch of cells or values is exactly such an error, and `AtlasCli.main` exits with the 0 the command returns (`AtlasCli.java` @ 0.118.0 60–71).",
      fix:
        "The validate step streams the CLI's output to the operator and into WORK_DIR/validate.log, and fails when the CLI exits non-zero or its output says \"Validation failed.\" (the success message \"Validation complete.\" exists only in later releases, so its absence proves nothing).",
      steps: ["validate"])
    Correction(
      "Setup checks the two configurations and shows the target first",
      source:
        "Double check that `migrateConfig` (the target KVS) is specified correctly, since all tables in that KVS will be dropped.",
      problem:
        "The CLI compares nothing: `KvsMigrationCommand.call` only requires that a target configuration is given, loads both and runs setup straight away (`KvsMigrationCommand.java` @ 0.118.0 101–123), and `KeyValueServiceMigrator.setup` drops every table of the target but the atomic ones before it recreates the source's tables (`atlasdb-impl-shared/src/main/java/com/palantir/atlasdb/schema/KeyValueServiceMigrator.java` @ 0.118.0 111–127). The same file given twice, or under two paths, drops the source's own tables.",
      fix:
        "Both parameters must name existing, readable files and differ from each other (their rules: a preflight check and a usage error before anything runs); the check-configurations step, and setup again before it drops anything, require that they are not the same file through two paths (`-ef`) and do not have the same contents. check-configurations prints the target's keyValueService settings (type, hosts, keyspace or namespace; no credentials) into TARGET_KVS, and setup's confirmation names them; an unattended run can pin them with --target-kvs. Two different files that name the same store still pass (see the limitations).",
      steps: ["check-configurations", "setup"])
    Correction(
      "Migrate and validate run only in order",
      source:
        "The migration is performed in three steps which must be run in order: setup, followed by migrate, and finally validate.",
      problem:
        "The CLI runs each flag on its own and checks no order (`KvsMigrationCommand.execute` @ 0.118.0 113–141): migrate on a target that setup never prepared, or validate before migrate finished, runs all the same. The script's state file cannot tell either, since `migrate.sh migrate` alone starts a fresh record.",
      fix:
        "Setup writes WORK_DIR/setup.done, naming both configurations, once the CLI's setup succeeded, and removes it and migrate.done before it starts; migrate writes migrate.done once the CLI's migrate succeeded (a failed migrate exits 1: `KeyValueServiceMigrator.migrate` rethrows, @ 0.1175.0 150–175, and AtlasCli exits 1). Migrate refuses to run without setup.done for the same two configurations, validate without migrate.done. A failed migrate is run again, as the source's hint says, by `migrate.sh --resume`, which runs migrate (continuing from the CLI's checkpoint table) and not setup.",
      steps: ["setup", "migrate", "validate"])
    Correction(
      "The service moves to the target only after all three steps",
      source: "The migration is performed in three steps which must be run in order",
      problem:
        "The source never says when the service may use the target KVS; the later edition of the same document says all three steps must be run \"before the migration can be considered finished, and the new KVS used\" (palantir/atlasdb `docs/source/cluster_management/kvs-migration.rst` @ 0.1175.0 lines 123–127, added in commit c86d76f5f83a).",
      fix:
        "A procedure warning and the validate step's warning say to point the service at the target KVS, and start it, only once validate has completed.",
      steps: ["validate"])
    Correction(
      "Going back to the source has a procedure",
      source:
        "if the migration needs to be abandoned in favour of again using the source KVS, the source timestamp service must first be fast forwarded to a timestamp higher than the fresh timestamp of the target timestamp service.",
      problem:
        "The warning gives no command. The CLI has them: its `timestamp` group registers `fetch` and `fast-forward` (`atlasdb-cli/src/main/java/com/palantir/atlasdb/cli/AtlasCli.java` @ 0.118.0 50–55); `fetch` prints the fresh timestamp and writes it to `-f FILE` (`command/timestamp/FetchTimestamp.java` @ 0.118.0 60–86); `fast-forward` takes it back with `-f` (one of `-t`/`-f`, group options: `AbstractTimestampCommand.java` 43–75), runs only offline (`FastForwardTimestamp.java` 35–38, `SingleBackendCommand.java` 33–35) and only on a timestamp service that can be fast-forwarded (46–56).",
      fix:
        "A procedure note gives the two commands, fetch on the target's configuration then fast-forward on the source's, with the service stopped, and TimeLock's endpoints as the alternative.",
      steps: ["validate"])
  }
}
