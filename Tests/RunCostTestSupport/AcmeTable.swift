/// One `acme` offering with every required field but `billing:`, for tests of one table field.
/// `rest` (billing and what follows, indented four spaces) starts on line 10, after `source:`, so
/// the errors those tests expect keep their line and column.
public enum AcmeTable {
    public static func offering(_ id: String, name: String, kind: String, _ rest: String) -> String {
        """
        provider: acme
        currency: USD
        offerings:
          - id: \(id)
            name: \(name)
            kind: \(kind)
            region: r1
            as_of: 2026-01-01
            source: https://acme.example/pricing
        \(rest)
        """
    }
}
