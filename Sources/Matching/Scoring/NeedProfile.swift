/// A need with its codes normalized once for scoring (track code, digit-only discipline codes).
public final class NeedProfile: Sendable {
    public let record: NeedRecord
    let trackCode: String?
    let disciplines: [String]
    let region: RegionCode?
    let preferredExpertIDs: Set<String>

    public init(_ record: NeedRecord) {
        self.record = record
        region = record.region.flatMap(RegionCode.init)
        trackCode = record.track.map(IndustryTrack.normalizedCode).flatMap { $0.isEmpty ? nil : $0 }
        disciplines = (record.disciplines ?? []).map(DisciplineMatchLevel.normalized).filter { $0.count >= 3 }
        preferredExpertIDs = Set(record.preferredExpertIDs ?? [])
    }
}

/// An expert with codes normalized and id lists turned into sets once for scoring and rules.
///
/// A class, so that handing a profile around costs one reference count, not one per field.
public final class ExpertProfile: Sendable {
    public let record: ExpertRecord
    let region: RegionCode?
    let trackCodes: Set<String>
    let disciplines: [String]
    let chosenNeedIDs: Set<String>
    let cooperatedEnterpriseIDs: Set<String>
    let unitCooperatedEnterpriseIDs: Set<String>
    let equityEnterpriseIDs: Set<String>
    let unitEquityEnterpriseIDs: Set<String>
    let conflictEnterpriseIDs: Set<String>

    public init(_ record: ExpertRecord) {
        self.record = record
        region = record.region.flatMap(RegionCode.init)
        trackCodes = Set((record.tracks ?? []).map(IndustryTrack.normalizedCode).filter { !$0.isEmpty })
        disciplines = (record.disciplines ?? []).map(DisciplineMatchLevel.normalized).filter { $0.count >= 3 }
        chosenNeedIDs = Set(record.chosenNeedIDs ?? [])
        cooperatedEnterpriseIDs = Set(record.cooperatedEnterpriseIDs ?? [])
        unitCooperatedEnterpriseIDs = Set(record.unitCooperatedEnterpriseIDs ?? [])
        equityEnterpriseIDs = Set(record.equityEnterpriseIDs ?? [])
        unitEquityEnterpriseIDs = Set(record.unitEquityEnterpriseIDs ?? [])
        conflictEnterpriseIDs = Set(record.conflictEnterpriseIDs ?? [])
    }
}
