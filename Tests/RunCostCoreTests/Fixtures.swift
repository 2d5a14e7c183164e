@testable import RunCostCore

/// Offerings built in code with the same figures as the bundled tables, so the formulas are
/// tested independently of the YAML loader.
enum Fixtures {
    static let date = CalendarDate(year: 2025, month: 10, day: 1)!

    static var lambdaX86: Offering {
        var p = PerRequestPricing()
        p.requestPrice = 0.20 / 1e6
        p.gbSecond = TieredPrice(tiers: [.init(upTo: 6e9, price: 0.0000166667), .init(upTo: 15e9, price: 0.0000150000),
                                         .init(upTo: .infinity, price: 0.0000133334)])
        p.granularity = 0.001
        p.memoryStepMiB = 1
        p.minimumMemoryMiB = 128
        p.free = FreeAllowance(requests: 1e6, gbSeconds: 400_000)
        p.ephemeralStorage = .init(includedMiB: 512, gbSecond: 0.0000000309)
        return Offering(id: "aws-lambda-x86", name: "AWS Lambda (x86_64)", provider: "aws", kind: .serverless, region: "us-east-1",
                        asOf: date, source: "https://aws.amazon.com/lambda/pricing/", arch: .x86, billing: .perRequest(p),
                        limits: Limits(maxDuration: 900, maxMemoryMiB: 10240))
    }

    static var azureConsumption: Offering {
        var p = PerRequestPricing()
        p.requestPrice = 0.20 / 1e6
        p.gbSecond = TieredPrice(flat: 0.000016)
        p.granularity = 0.001
        p.minimumDuration = 0.1
        p.memoryStepMiB = 128
        p.minimumMemoryMiB = 128
        p.free = FreeAllowance(requests: 1e6, gbSeconds: 400_000)
        return Offering(id: "azure-functions-consumption", name: "Azure Functions Consumption", provider: "azure", kind: .serverless,
                        region: "eastus", asOf: date, source: "https://azure.microsoft.com/pricing/details/functions/",
                        billing: .perRequest(p), limits: Limits(maxMemoryMiB: 1536))
    }

    static var cloudRun: Offering {
        var p = SharedInstancePricing()
        p.vcpuSecond = 0.000024
        p.gibSecond = 0.0000025
        p.requestPrice = 0.40 / 1e6
        p.granularity = 0.1
        p.free = FreeAllowance(requests: 2e6, gbSeconds: 360_000, vcpuSeconds: 180_000)
        return Offering(id: "gcp-cloud-run-request", name: "Cloud Run", provider: "gcp", kind: .serverless, region: "us-central1",
                        asOf: date, source: "https://cloud.google.com/run/pricing", billing: .sharedInstance(p),
                        limits: Limits(maxConcurrency: 1000))
    }

    static var workers: Offering {
        var p = CPUTimePricing()
        p.monthlyFee = 5
        p.includedRequests = 10e6
        p.includedCPUms = 30e6
        p.requestOverage = 0.30 / 1e6
        p.cpuMsOverage = 0.02 / 1e6
        return Offering(id: "cloudflare-workers-standard", name: "Workers", provider: "cloudflare", kind: .serverless, region: "global",
                        asOf: date, source: "https://developers.cloudflare.com/workers/platform/pricing/", billing: .cpuTime(p),
                        limits: Limits(maxCPUTime: 300))
    }

    static func vm(hourly: Double = 0.0208, vcpu: Double = 2, memoryMiB: Double = 2048, cap: Double? = nil,
                   increment: Double = 1.0 / 3600, minimum: Double = 1.0 / 60) -> Offering {
        var p = ProvisionedPricing(rate: .perInstanceHour(hourly, vcpu: vcpu, memoryMiB: memoryMiB))
        p.monthlyCap = cap
        p.billingIncrementHours = increment
        p.minimumBilledHours = minimum
        return Offering(id: "aws-ec2-t3.small", name: "EC2 t3.small", provider: "aws", kind: .vm, region: "us-east-1",
                        asOf: date, source: "https://aws.amazon.com/ec2/pricing/on-demand/", billing: .provisioned(p))
    }

    static var fargate: Offering {
        var p = ProvisionedPricing(rate: .perResource(vcpuHour: 0.04048, gbHour: 0.004445, sizes: [
            .init(vcpu: 0.25, minMemoryMiB: 512, maxMemoryMiB: 2048, memoryStepMiB: 512),
            .init(vcpu: 0.5, minMemoryMiB: 1024, maxMemoryMiB: 4096, memoryStepMiB: 1024),
            .init(vcpu: 1, minMemoryMiB: 2048, maxMemoryMiB: 8192, memoryStepMiB: 1024),
        ]))
        p.minimumBilledHours = 1.0 / 60
        return Offering(id: "aws-fargate-x86", name: "Fargate", provider: "aws", kind: .container, region: "us-east-1",
                        asOf: date, source: "https://aws.amazon.com/fargate/pricing/", billing: .provisioned(p))
    }

    static func workload(_ requests: Double, _ duration: Double, _ memory: Double, freeTier: Bool = false) -> Workload {
        var w = Workload(requestsPerMonth: requests, duration: duration, memoryMiB: memory)
        w.freeTier = freeTier
        return w
    }
}

func cents(_ x: Double) -> Double { (x * 100).rounded() / 100 }
