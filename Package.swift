// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "runcost",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "runcost", targets: ["runcost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pure model and billing formulas: no I/O, no dependencies.
        .target(name: "RunCostCore"),
        // YAML tables, workloads, budgets and human quantities, with located errors.
        .target(name: "RunCostFiles", dependencies: ["RunCostCore", .product(name: "Yams", package: "Yams")]),
        // Deterministic renderers: table, CSV, JSON, Markdown, SVG.
        .target(name: "RunCostReports", dependencies: ["RunCostCore"]),
        // Build-time tool and plugin that compile pricing/*.yaml into RunCostBundledTables, so the
        // binary carries its tables (and can never drift from pricing/).
        .executableTarget(name: "runcost-embed-pricing", dependencies: ["RunCostFiles"]),
        .plugin(name: "EmbedPricingTables", capability: .buildTool(), dependencies: ["runcost-embed-pricing"]),
        .target(name: "RunCostBundledTables", dependencies: ["RunCostCore", "RunCostFiles"], plugins: ["EmbedPricingTables"]),
        // ncursesw, wide-character build (see Sources/CNcursesw/shim.h).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // Elm-style what-if screen; only Terminal.swift touches ncurses.
        .target(name: "RunCostTUI", dependencies: ["RunCostCore", "RunCostFiles", "RunCostReports", "CNcursesw"]),
        .executableTarget(name: "runcost", dependencies: [
            "RunCostCore", "RunCostFiles", "RunCostBundledTables", "RunCostReports", "RunCostTUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "runcost-bench", dependencies: ["RunCostCore", "RunCostFiles", "RunCostReports", "RunCostTUI"]),
        // Tables and helpers more than one test target uses (a plain target: only test targets depend on it).
        .target(name: "RunCostTestSupport", path: "Tests/RunCostTestSupport"),
        .testTarget(name: "RunCostCoreTests", dependencies: ["RunCostCore", "RunCostTestSupport"]),
        .testTarget(name: "RunCostFilesTests", dependencies: ["RunCostCore", "RunCostFiles", "RunCostBundledTables", "RunCostTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RunCostReportsTests", dependencies: ["RunCostCore", "RunCostReports"]),
        .testTarget(name: "RunCostTUITests", dependencies: ["RunCostCore", "RunCostFiles", "RunCostTUI", "RunCostTestSupport"]),
        // Fixtures are read by path (expected outputs), not bundled.
        .testTarget(name: "RunCostCLITests", dependencies: ["RunCostCore", "RunCostFiles", "RunCostTestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
