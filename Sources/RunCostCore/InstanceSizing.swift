/// How much vCPU a platform gives (or requires) with an amount of memory: "more than 4 GiB needs at
/// least 2 vCPU" (Cloud Run), "a 1 GiB function gets 0.583 vCPU" (Cloud Run functions).
public struct VCPUForMemory: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var aboveMiB: Double     // applies to memory strictly above this
        public var vcpu: Double
        public init(aboveMiB: Double, vcpu: Double) { self.aboveMiB = aboveMiB; self.vcpu = vcpu }
    }
    /// Sorted by `aboveMiB`, lowest first.
    public var steps: [Step]

    public init(steps: [Step]) { self.steps = steps.sorted { $0.aboveMiB < $1.aboveMiB } }

    /// The vCPU of the highest step whose threshold `memoryMiB` exceeds, or nil below every step.
    @inline(__always) public func vcpu(forMemoryMiB memoryMiB: Double) -> Double? {
        var found: Double?
        for step in steps where memoryMiB > step.aboveMiB { found = step.vcpu }
        return found
    }
}

/// A size a platform sells an instance in (App Runner 1 vCPU / 2 GB; Container Apps 0.5 vCPU /
/// 1 GiB; Flex 2,048 MB). `vcpu` is nil where the size fixes only memory.
public struct AllowedSize: Sendable, Equatable {
    public var vcpu: Double?
    public var memoryMiB: Double
    public init(vcpu: Double?, memoryMiB: Double) { self.vcpu = vcpu; self.memoryMiB = memoryMiB }
}

extension Array where Element == AllowedSize {
    /// The cheapest size with at least `vcpu` and `memoryMiB`, priced per vCPU and per GiB; nil if none fits.
    func cheapest(vcpu: Double, memoryMiB: Double, vcpuPrice: Double, gibPrice: Double) -> AllowedSize? {
        var best: AllowedSize?, bestPrice = Double.infinity
        for size in self where size.memoryMiB >= memoryMiB - 1e-9 && (size.vcpu ?? vcpu) >= vcpu - 1e-9 {
            let price = (size.vcpu ?? vcpu) * vcpuPrice + size.memoryMiB / 1024 * gibPrice
            if price < bestPrice || (price == bestPrice && size.memoryMiB < (best?.memoryMiB ?? .infinity)) { best = size; bestPrice = price }
        }
        return best
    }
}
