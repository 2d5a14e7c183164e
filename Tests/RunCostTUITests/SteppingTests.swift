import Testing
import RunCostCore
@testable import RunCostTUI

@Suite struct SteppingTests {
    @Test func roundNumbersAboutAQuarterApart() {
        #expect(Stepping.nice(30e6, up: true) == 40e6)
        #expect(Stepping.nice(30e6, up: false) == 25e6)
        #expect(Stepping.nice(1, up: true) == 1.2)
        #expect(Stepping.nice(8, up: true) == 10)
        #expect(Stepping.nice(0.12, up: true) == 0.15)
        #expect(Stepping.nice(0.12, up: false) == 0.1)
        // Off-grid values snap to the next round number.
        #expect(Stepping.nice(41.3e6, up: true) == 50e6)
        #expect(Stepping.nice(41.3e6, up: false) == 40e6)
        #expect(Stepping.nice(1, up: true, whole: true) == 2)
        #expect(Stepping.nice(10, up: false, whole: true) == 8)
    }

    @Test func memorySizes() {
        #expect(Stepping.memory(512, up: true) == 768)
        #expect(Stepping.memory(512, up: false) == 384)
        #expect(Stepping.memory(1000, up: true) == 1024)
        #expect(Stepping.memory(1536, up: false) == 1024)
    }

    func step(_ field: InputField, _ w: Workload, up: Bool) -> Workload? {
        try? Stepping.step(field, w, up: up, traceCounts: nil).get()
    }

    @Test func everyFieldSteps() {
        let w = Workload(requestsPerMonth: 30e6, duration: 0.12, memoryMiB: 512, cpuTime: 0.015, concurrency: 80,
                         traffic: .diurnal, peakToAverage: 2.5)
        #expect(step(.rps, w, up: true).map { ($0.averageRPS * 100).rounded() / 100 } == 12)
        #expect(step(.cpuTime, w, up: true)?.cpuTime == 0.02)
        #expect(step(.vcpu, w, up: true)?.vcpu == 0.125)
        #expect(step(.concurrency, w, up: true)?.concurrency == 100)
        #expect(step(.peakToAverage, w, up: true)?.peakToAverage == 3)
        #expect(step(.hours, w, up: true)?.hoursPerMonth == 744)
        #expect(step(.hours, w, up: false)?.hoursPerMonth == 600)
        #expect(step(.instances, w, up: true)?.instances == 1)
        #expect(step(.instances, w, up: false) == nil)
        #expect(step(.freeTier, w, up: false)?.freeTier == true)
        #expect(step(.arch, w, up: false)?.arch == .arm)
        #expect(step(.traffic, w, up: false)?.traffic == .constant)
        #expect(step(.run, w, up: true)?.run == .job)
        #expect(step(.disk, w, up: true)?.diskMiB == 10240)
        #expect(step(.disk, w, up: false) == nil)
    }

    @Test func runAndDiskAreTyped() {
        let w = Workload(requestsPerMonth: 3000, duration: 1500, memoryMiB: 3072)
        #expect((try? Stepping.parse(.run, "job", w, traceCounts: nil).get())?.run == .job)
        #expect((try? Stepping.parse(.disk, "20GB", w, traceCounts: nil).get())?.diskMiB == 20 * 1024)
        #expect((try? Stepping.parse(.disk, "default", w, traceCounts: nil).get()).map { $0.diskMiB == nil } == true)
        guard case .failure(let e) = Stepping.parse(.run, "batch", w, traceCounts: nil) else { Issue.record("batch accepted"); return }
        #expect(e.message == "run: expected service or job, got 'batch'")
    }

    @Test func limitsAreMessagesNotTraps() {
        var w = Workload(requestsPerMonth: 1e15, duration: 31 * 86400, memoryMiB: 1_048_576)
        w.hoursPerMonth = 744
        for field in [InputField.requests, .duration, .memory, .hours] {
            guard case .failure(let e) = Stepping.step(field, w, up: true, traceCounts: nil) else {
                Issue.record("\(field) stepped past its maximum"); continue
            }
            #expect(e.message.contains("maximum"))
        }
        let flat = Workload(requestsPerMonth: 1, duration: 0.0001, memoryMiB: 64)
        guard case .failure = Stepping.step(.peakToAverage, flat, up: false, traceCounts: nil) else {
            Issue.record("constant traffic cannot get flatter"); return
        }
        // Stepping peak-to-average up on constant traffic makes it a diurnal wave.
        #expect(step(.peakToAverage, flat, up: true)?.traffic == .diurnal)
        #expect(step(.requests, flat, up: false) == nil)
    }

    @Test func diurnalPeakStaysBelowTwentyFour() {
        let bursty = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 128, traffic: .bursty, peakToAverage: 30)
        let diurnal = step(.traffic, bursty, up: false)
        #expect(diurnal?.traffic == .businessHours)
        let back = step(.traffic, diurnal!, up: false)
        #expect(back?.traffic == .diurnal)
        #expect(back?.peakToAverage == nil)
    }

    @Test func traceComesBackInTheCycle() throws {
        let w = Workload(requestsPerMonth: 1e6, duration: 0.1, memoryMiB: 128, traffic: .trace([1, 2, 3]))
        let next = try Stepping.step(.traffic, w, up: true, traceCounts: [1, 2, 3]).get()
        #expect(next.traffic == .constant)
        let previous = try Stepping.step(.traffic, next, up: false, traceCounts: [1, 2, 3]).get()
        #expect(previous.traffic == .trace([1, 2, 3]))
        #expect(try Stepping.parse(.traffic, "trace", next, traceCounts: [1, 2, 3]).get().traffic == .trace([1, 2, 3]))
    }

    @Test func typedValues() throws {
        let w = Workload(requestsPerMonth: 30e6, duration: 0.12, memoryMiB: 512)
        #expect(try Stepping.parse(.requests, "3M", w, traceCounts: nil).get().requestsPerMonth == 3e6)
        #expect(try Stepping.parse(.memory, "1.5GB", w, traceCounts: nil).get().memoryMiB == 1536)
        #expect(try Stepping.parse(.rps, "10", w, traceCounts: nil).get().requestsPerMonth == 10 * 730 * 3600)
        #expect(try Stepping.parse(.cpuTime, "default", w, traceCounts: nil).get().cpuTime == nil)
        #expect(try Stepping.parse(.freeTier, "on", w, traceCounts: nil).get().freeTier)
        #expect(try Stepping.parse(.arch, "any", w, traceCounts: nil).get().arch == nil)
        #expect(try Stepping.parse(.traffic, "bursty", w, traceCounts: nil).get().traffic == .bursty)
        for (field, text, message) in [(InputField.requests, "-3M", "must not be negative"), (.memory, "lots", "expected a memory size"),
                                       (.duration, "5 parsecs", "unknown unit"), (.traffic, "diurnl", "did you mean"),
                                       (.hours, "800", "out of range"), (.arch, "sparc", "x86, arm or any")] {
            guard case .failure(let e) = Stepping.parse(field, text, w, traceCounts: nil) else {
                Issue.record("\(field) accepted \(text)"); continue
            }
            #expect(e.message.contains(message), "\(field) '\(text)': \(e.message)")
        }
    }
}
