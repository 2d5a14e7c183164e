import Foundation
import RunCostFiles

// Build-time tool of Plugins/EmbedPricingTables: `runcost-embed-pricing PRICING_DIR OUTPUT.swift`.
// Decodes every table (a bad one fails the build with its pricing/file.yaml:line:column) and writes
// the Swift source that compiles them into the binary.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: runcost-embed-pricing PRICING_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = arguments[1], output = arguments[2]
do {
    let tables = try EmbeddedTable.read(folder: folder)
    let source = try CatalogSwiftSource.generate(tables, folder: (folder as NSString).lastPathComponent)
    try AtomicWriter.write(source, to: output)
} catch let error as InputError {
    // "file:line:column: error: message" is the diagnostic form build tools and editors show.
    let place = error.origin.map { "\($0): " } ?? ""
    FileHandle.standardError.write(Data("\(place)error: \(error.message)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
