import Foundation

/// Where the pricing layers live: bundled tables < the user's folder < `--pricing` paths.
public enum PricingLocations {
    /// The bundled `pricing/` folder: `$RUNCOST_BUNDLED_PRICING`, else the nearest `pricing/`
    /// beside a `Package.swift` above the executable (a checkout), else an installed share folder.
    public static func bundled(executable: String = CommandLine.arguments[0]) -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["RUNCOST_BUNDLED_PRICING"], !env.isEmpty { return env }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("pricing").path
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path), fm.fileExists(atPath: candidate) { return candidate }
            let share = dir.appendingPathComponent("share/runcost/pricing").path
            if fm.fileExists(atPath: share) { return share }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The user's own tables: `$RUNCOST_PRICING_DIR`, else `~/.config/runcost/pricing` if it exists.
    public static func user() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["RUNCOST_PRICING_DIR"], !dir.isEmpty { return dir }
        guard let home = env["HOME"] else { return nil }
        let path = home + "/.config/runcost/pricing"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
