import Foundation
import PackagePlugin

/// Compiles the package's pricing/*.yaml into the target that uses this plugin, at every build
/// where a table changed, so the binary can never drift from pricing/.
@main
struct EmbedPricingTables: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "pricing")
        let tables = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedTables.swift")
        return [.buildCommand(
            displayName: "Compiling the pricing tables into \(target.name)",
            executable: try context.tool(named: "runcost-embed-pricing").url,
            arguments: [folder.path, output.path],
            // The folder as well as each table: adding or removing a table changes the folder.
            inputFiles: [folder] + tables,
            outputFiles: [output])]
    }
}
