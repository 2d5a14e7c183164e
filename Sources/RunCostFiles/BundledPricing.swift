import Foundation

/// A pricing table carried inside the binary: its file name (`aws.yaml`) and its text.
public struct EmbeddedTable: Sendable, Equatable {
    public let name: String
    public let text: String

    public init(name: String, text: String) { self.name = name; self.text = text }

    /// The `.yaml`/`.yml` tables of a folder, in the order `Catalog.load` reads them.
    public static func read(folder: String) throws -> [EmbeddedTable] {
        try PricingLoader.yamlFiles(at: folder).map {
            EmbeddedTable(name: ($0 as NSString).lastPathComponent, text: try YAMLFile.readText($0))
        }
    }
}

/// Where the user's pricing layer lives (the bundled tables are compiled in: RunCostBundledTables).
public enum PricingLocations {
    /// The one variable that names the user's folder.
    public static let userFolderVariable = "RUNCOST_PRICING_DIR"

    /// The user's own tables: `$RUNCOST_PRICING_DIR`, else `~/.config/runcost/pricing` if it exists.
    public static func user() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env[userFolderVariable], !dir.isEmpty { return dir }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        let path = home + "/.config/runcost/pricing"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
