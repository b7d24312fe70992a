import Model

/// The interactive set-up of the Databricks CLI profiles, the same in both
/// editions.
extension Databricks {
  static let configureSourceProfile = Step(
    "configure-source-profile", "Configure the CLI profile of the source workspace"
  ) {
    ManualInstruction(
      "In the source (old) workspace's UI, generate a personal access token (User Settings → Access Tokens). Then run `databricks configure --token --profile <SRC_PROFILE>` with the profile name given as --src-profile; it prompts for the workspace URL (e.g. https://old-workspace.cloud.databricks.com) and the token. The token must belong to a workspace admin."
    )
  }

  static let configureTargetProfile = Step(
    "configure-target-profile", "Configure the CLI profile of the target workspace"
  ) {
    ManualInstruction(
      "In the target (new) workspace's UI, generate a personal access token (User Settings → Access Tokens). Then run `databricks configure --token --profile <DST_PROFILE>` with the profile name given as --dst-profile; it prompts for the workspace URL and the token. The token must belong to a workspace admin."
    )
  }
}
