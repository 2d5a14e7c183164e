import RunCostCore
import RunCostFiles

/// The pricing tables compiled into the binary from pricing/*.yaml at build time
/// (Plugins/EmbedPricingTables), so a copied binary works anywhere with no files beside it.
public enum BundledTables {
    /// The folder name reports and error messages give a bundled table: `<bundled>/aws.yaml`.
    public static let folder = "<bundled>"

    /// Each table's file name and text, exactly as in pricing/.
    public static var tables: [EmbeddedTable] { GeneratedTables.tables }

    /// The offerings the tables decode to, decoded when the binary was built (no YAML at start-up).
    public static func offerings() -> [Offering] { GeneratedTables.offerings() }

    /// The application services of the bundled service tables (pricing/services-*.yaml).
    public static func services() -> [Service] { GeneratedTables.services() }

    /// The bundled layer, the bottom of bundled < user folder < `--pricing`.
    public static func catalog() -> Catalog {
        Catalog(layer: folder, offerings: offerings(), coldStarts: GeneratedTables.coldStarts(), services: GeneratedTables.services())
    }
}
