import Testing
import RunCostCore
import RunCostTestSupport
@testable import RunCostTUI

/// Seeded random keys through `update` and `view` at several sizes: no key sequence traps. File
/// effects are dropped (the end-to-end soak performs them in a scratch folder).
@Suite struct RandomKeyTests {
    static let keys: [Key] = [.up, .down, .left, .right, .enter, .backspace, .delete, .escape, .tab, .backTab,
                              .home, .end, .pageUp, .pageDown, .resize, .ctrl("u"), .ctrl("w"), .ctrl("l")]
        + Array("abcdefghijklmnoprstuvwxyzABRS0123456789-+=%$/?. é\u{301}\u{200D}\u{202E}\u{1B}").map { .character($0) }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomKeysNeverTrap(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var m = try Fixture.model()
        let sizes = [(80, 24), (100, 30), (79, 23), (200, 60)]
        for i in 0..<700 {
            let key = Self.keys[Int(random.next() % UInt64(Self.keys.count))]
            guard var next = update(m, key) else { continue }   // q quits: keep going from the model before
            if let effect = next.pendingEffect { next = next.completing(effect, with: .failed("not written in tests")) }
            m = next
            let (w, h) = sizes[i % sizes.count]
            let screen = view(m, width: w, height: h)
            #expect(screen.width == w && screen.height == h)
        }
    }
}
