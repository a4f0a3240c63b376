import Store

/// Generates the provider's records from a ``SandboxConfiguration`` (and new records for `creates`).
enum SandboxDataset {
    /// Every record of `object`, ascending by (`updated_at`, `id`), timestamps grouped into ties.
    static func records(for object: SandboxObject, configuration: SandboxConfiguration) -> [SandboxRecord] {
        let count = configuration.size(of: object)
        var rng = SeededGenerator.derived(from: configuration.seed, salt: salt(of: object))
        var records: [SandboxRecord] = []
        records.reserveCapacity(count)
        var group = 0
        var leftInGroup = 0
        for index in stride(from: 1, through: count, by: 1) {
            if leftInGroup == 0 {
                leftInGroup = Int.random(in: configuration.tieGroupSizes, using: &rng)
                group += 1
            }
            leftInGroup -= 1
            let updatedAt = millisecondPrecision(configuration.baseTime + configuration.step * (group - 1))
            let age = Int64.random(in: 0...(90 * 86_400_000), using: &rng)
            let createdAt = Timestamp(milliseconds: updatedAt.milliseconds - age)
            let value = makeValue(
                object: object, index: index, createdAt: createdAt, updatedAt: updatedAt,
                configuration: configuration, rng: &rng
            )
            records.append(SandboxRecord(id: object.id(index: index), updatedAt: updatedAt, value: value))
        }
        return records
    }

    /// The JSON of the `index`-th record of `object`, in the shape the List API serves.
    static func makeValue(
        object: SandboxObject,
        index: Int,
        createdAt: Timestamp,
        updatedAt: Timestamp,
        configuration: SandboxConfiguration,
        rng: inout SeededGenerator
    ) -> JSONValue {
        let id = object.id(index: index)
        var members: [(String, JSONValue)] = [("id", .string(id))]
        switch object {
        case .contacts:
            let first = SandboxVocabulary.firstNames.randomElement(using: &rng)!
            let last = SandboxVocabulary.lastNames.randomElement(using: &rng)!
            let domain = SandboxVocabulary.domains.randomElement(using: &rng)!
            var emails: [JSONValue] = [
                .object([("email", .string("contact\(index)@\(domain)")), ("type", .string("WORK"))])
            ]
            if Bool.random(using: &rng) {
                emails.append(.object([("email", .string("c\(index).home@\(domain)")), ("type", .string("PERSONAL"))]))
            }
            members.append(("name", .string("\(first) \(last)")))
            members.append(("emails", .array(emails)))
            members.append(("company_id", reference(to: .companies, count: configuration.companies, rng: &rng)))
            members.append(("title", .string(SandboxVocabulary.titles.randomElement(using: &rng)!)))
        case .companies:
            let stem = SandboxVocabulary.companyStems.randomElement(using: &rng)!
            let suffix = SandboxVocabulary.companySuffixes.randomElement(using: &rng)!
            let domain = SandboxVocabulary.domains.randomElement(using: &rng)!
            members.append(("name", .string("\(stem) \(suffix) #\(index)")))
            members.append(("website", .string("https://www.\(domain)/companies/\(id)/about")))
            members.append(("industry", .string(SandboxVocabulary.industries.randomElement(using: &rng)!)))
            members.append(("employees", .number(Double(Int.random(in: 1...25_000, using: &rng)))))
        case .deals:
            let cents = Int.random(in: 10_000...50_000_000, using: &rng)
            let contact = reference(to: .contacts, count: configuration.contacts, rng: &rng)
            members.append(("name", .string("Deal \(index) – \(SandboxVocabulary.companyStems.randomElement(using: &rng)!)")))
            members.append(("amount", .number(Double(cents) / 100)))
            members.append(("currency", .string(SandboxVocabulary.currencies.randomElement(using: &rng)!)))
            members.append(("stage", .string(SandboxVocabulary.stages.randomElement(using: &rng)!)))
            members.append(("company_id", reference(to: .companies, count: configuration.companies, rng: &rng)))
            members.append(("contact_ids", contact == .null ? .array([]) : .array([contact])))
        }
        members.append(("created_at", .string(createdAt.iso8601)))
        members.append(("updated_at", .string(updatedAt.iso8601)))
        return .object(members)
    }

    /// Timestamps are served with milliseconds, so the sort key keeps exactly what the text says.
    static func millisecondPrecision(_ time: Timestamp) -> Timestamp {
        Timestamp(milliseconds: time.milliseconds)
    }

    static func salt(of object: SandboxObject) -> UInt64 {
        switch object {
        case .contacts: return 1
        case .companies: return 2
        case .deals: return 3
        }
    }

    private static func reference(to object: SandboxObject, count: Int, rng: inout SeededGenerator) -> JSONValue {
        guard count > 0 else { return .null }
        return .string(object.id(index: Int.random(in: 1...count, using: &rng)))
    }
}
