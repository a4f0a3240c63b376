import Store

/// Changes to the provider's records: mutations, verbatim upserts, deletes and late-visible writes.
extension SandboxState {
    func mutate(_ object: SandboxObject, updates: Int, creates: Int) -> SandboxMutation {
        let now = self.now
        let configuration = self.configuration
        return storage.withLockedValue { storage in
            var table = storage.tables[object] ?? RecordTable()
            storage.tables[object] = nil  // keep the table uniquely referenced while it changes
            defer { storage.tables[object] = table }

            var chosen = Set<Int>()
            let wanted = min(max(0, updates), table.count)
            if wanted == table.count {
                chosen = Set(0..<table.count)
            } else {
                while chosen.count < wanted { chosen.insert(Int.random(in: 0..<table.count, using: &storage.mutationRNG)) }
            }
            let targets = chosen.sorted().map { table.sorted[$0] }
            var updated: [JSONValue] = []
            for record in targets {
                storage.revision += 1
                let value = Self.changed(record.value, object: object, revision: storage.revision, rng: &storage.mutationRNG)
                    .settingMember("updated_at", to: .string(now.iso8601))
                table.upsert(SandboxRecord(id: record.id, updatedAt: now, value: value))
                updated.append(value)
            }

            var created: [JSONValue] = []
            for _ in 0..<max(0, creates) {
                let index = storage.nextIndex[object, default: 1]
                storage.nextIndex[object] = index + 1
                let value = SandboxDataset.makeValue(
                    object: object, index: index, createdAt: now, updatedAt: now,
                    configuration: configuration, rng: &storage.mutationRNG
                )
                table.upsert(SandboxRecord(id: object.id(index: index), updatedAt: now, value: value))
                created.append(value)
            }
            return SandboxMutation(object: object, updated: updated, created: created)
        }
    }

    /// Changes one business field so the record's content hash changes, not only its timestamp.
    private static func changed(
        _ value: JSONValue,
        object: SandboxObject,
        revision: Int,
        rng: inout SeededGenerator
    ) -> JSONValue {
        switch object {
        case .contacts:
            let title = SandboxVocabulary.titles.randomElement(using: &rng)!
            return value.settingMember("title", to: .string("\(title) (rev \(revision))"))
        case .companies:
            let employees = value["employees"]?.numberValue ?? 0
            return value.settingMember("employees", to: .number(employees + Double(Int.random(in: 1...50, using: &rng))))
        case .deals:
            let amount = value["amount"]?.numberValue ?? 0
            return value
                .settingMember("amount", to: .number(amount + 100.5))
                .settingMember("stage", to: .string(SandboxVocabulary.stages.randomElement(using: &rng)!))
        }
    }

    /// Stores `value` verbatim (key order kept); `updated_at` defaults to now. Returns what the API now serves.
    func upsert(_ value: JSONValue, into object: SandboxObject) throws(SandboxRecordError) -> JSONValue {
        let record = try makeRecord(value, object: object)
        storage.withLockedValue { storage in
            _ = storage.tables[object, default: RecordTable()].upsert(record)
        }
        return record.value
    }

    func delete(id: String, from object: SandboxObject) -> Bool {
        storage.withLockedValue { storage in
            storage.tables[object]?.remove(id: id) != nil
        }
    }

    func lateWrite(
        _ value: JSONValue,
        into object: SandboxObject,
        visibility: LateWriteVisibility
    ) throws(SandboxRecordError) -> JSONValue {
        let record = try makeRecord(value, object: object)
        storage.withLockedValue { storage in
            if visibility == .now {
                storage.tables[object, default: RecordTable()].upsert(record)
            } else {
                storage.pending.append(PendingWrite(object: object, record: record, visibility: visibility))
            }
        }
        return record.value
    }

    /// Makes every pending late write of `object` (all objects if `nil`) visible; returns how many.
    func revealLateWrites(of object: SandboxObject?) -> Int {
        storage.withLockedValue { storage in
            var kept: [PendingWrite] = []
            var revealed = 0
            for write in storage.pending {
                if object == nil || write.object == object {
                    storage.tables[write.object, default: RecordTable()].upsert(write.record)
                    revealed += 1
                } else {
                    kept.append(write)
                }
            }
            storage.pending = kept
            return revealed
        }
    }

    private func makeRecord(_ value: JSONValue, object: SandboxObject) throws(SandboxRecordError) -> SandboxRecord {
        guard case .object = value else { throw SandboxRecordError(object: object, message: "a record must be a JSON object") }
        guard let id = value["id"]?.keyText, !id.isEmpty else {
            throw SandboxRecordError(object: object, message: "a record needs a non-empty string or number \"id\"")
        }
        var value = value
        let updatedAt: Timestamp
        switch value["updated_at"] {
        case nil, .null?:
            updatedAt = now
            value = value.settingMember("updated_at", to: .string(updatedAt.iso8601))
        case let .string(text)?:
            guard let parsed = Timestamp(iso8601: text) else {
                throw SandboxRecordError(object: object, message: "updated_at \"\(text)\" of \(id) is not ISO-8601")
            }
            updatedAt = parsed
        case let other?:
            throw SandboxRecordError(object: object, message: "updated_at of \(id) must be a string, got \(JSWriter.string(other))")
        }
        return SandboxRecord(id: id, updatedAt: updatedAt, value: value)
    }
}
