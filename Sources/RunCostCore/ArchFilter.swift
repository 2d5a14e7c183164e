/// `--arch arm` keeps the Arm variant where an offering comes in both (aws-lambda-x86/-arm) and
/// leaves offerings with a single architecture alone.
public enum ArchFilter {
    public static func apply(_ offerings: [Offering], arch: Arch) -> [Offering] {
        let families = Set(offerings.filter { $0.arch == arch }.compactMap(\.archFamily))
        return offerings.filter { o in
            guard let a = o.arch, a != arch, let family = o.archFamily else { return true }
            return !families.contains(family)
        }
    }
}
