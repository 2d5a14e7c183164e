import Foundation
import Testing

/// `runcost compare --format json`, read back: what most CLI tests assert on.
extension RuncostBinary {
    /// The estimates in report order; records a failure unless compare exits 0.
    static func estimates(_ args: [String]) throws -> [[String: Any]] {
        let result = try run(["compare", "--format", "json"] + args)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return json["estimates"] as! [[String: Any]]
    }

    /// The estimates by offering id.
    static func estimatesByID(_ args: [String]) throws -> [String: [String: Any]] {
        var byID: [String: [String: Any]] = [:]
        for e in try estimates(args) { byID[e["offering"] as! String] = e }
        return byID
    }

    /// The one offering's estimate.
    static func estimate(_ offering: String, _ args: [String]) throws -> [String: Any] {
        try estimates(["--offering", offering] + args)[0]
    }
}

/// Money rounded to the cent, as the reports print it.
func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }
