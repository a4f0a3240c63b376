import CurlHTTP
import Logging
import Store

/// Polls one stream (connection, object) from its first page to its last: the "run" of polling.md.
///
/// Every page is diffed and committed in ONE store transaction together with the checkpoint, so a crash re-reads
/// at most one page and the deterministic event ids make the re-read a no-op. The first run of a stream is its
/// baseline: a full enumeration whose events are tagged `backfill` and make up every `include_all` webhook's
/// initial sync; the provider time captured at its first page (T0) is where incremental polling starts.
public struct StreamPoller: Sendable {
    public let stream: StreamKey
    public let connection: Connection
    public let spec: ConnectorSpec
    public let object: ObjectSpec
    let store: Store
    let client: any HTTPClient
    let configuration: PollerConfiguration
    let sleeper: any Sleeper
    let logger: Logger
    /// The request headers of every page: `Accept` and the connector's credential header.
    let headers: [HTTPHeader]
    /// The checked `api_url` when that needs no lookup (``DestinationGuard/resolveWithoutLookup(url:)``); `nil` for a
    /// host name, looked up at each run.
    let fixedTarget: Result<ResolvedDestination, DestinationRejection>?

    /// - Throws: ``PollError`` `.unknownConnector` when the connection's connector is unknown or cannot list the
    ///   object.
    public init(
        connection: Connection, objectType: String, catalog: ConnectorCatalog, store: Store, client: any HTTPClient,
        configuration: PollerConfiguration, sleeper: any Sleeper = TaskSleeper(), logger: Logger
    ) throws {
        let stream = StreamKey(connectionID: connection.id, objectType: objectType)
        guard let spec = catalog.spec(connection.integrationType) else {
            throw PollError(
                .unknownConnector, stream: stream, "no connector named '\(connection.integrationType)'")
        }
        guard let object = spec.object(objectType) else {
            throw PollError(
                .unknownConnector, stream: stream,
                "connector '\(spec.name)' cannot list '\(objectType)' (it lists: \(spec.namedObjectTypes.joined(separator: ", ")))"
            )
        }
        self.stream = stream
        self.connection = connection
        self.spec = spec
        self.object = object
        self.store = store
        self.client = client
        self.configuration = configuration
        self.sleeper = sleeper
        var logger = logger
        logger[metadataKey: "vh.stream"] = "\(stream)"
        self.logger = logger
        var headers = [HTTPHeader("Accept", "application/json")]
        if let auth = spec.auth, let token = connection.token {
            headers.append(HTTPHeader(auth.header, auth.format.replacing(placeholder: "{token}", with: token)))
        }
        self.headers = headers
        self.fixedTarget = DestinationGuard(allowPrivateTargets: configuration.allowPrivateTargets)
            .resolveWithoutLookup(url: connection.apiURL)
    }

    var lookback: Duration {
        configuration.lookbackOverride.map { PollLimits.clamp($0, to: PollLimits.lookbackSeconds) }
            ?? PollLimits.duration(seconds: spec.lookbackSeconds, clampedTo: PollLimits.lookbackSeconds)
    }
    var safetyLag: Duration {
        configuration.safetyLagOverride.map { PollLimits.clamp($0, to: PollLimits.safetyLagSeconds) }
            ?? PollLimits.duration(seconds: spec.safetyLagSeconds, clampedTo: PollLimits.safetyLagSeconds)
    }
    var pageSize: Int { max(1, min(object.maxPageSize, configuration.pageSize ?? object.maxPageSize)) }

    /// Runs one poll to the last page (or resumes the run a crash interrupted) and records it.
    /// - Returns: the finished run, also stored for the webhooks' `runs`.
    /// - Throws: ``PollError`` when the run failed (recorded too; the checkpoint stays where the last committed
    ///   page left it), or `CancellationError`.
    @discardableResult
    public func run() async throws -> PollRun {
        let started = Timestamp.now()
        var progress = RunProgress()
        do {
            try await execute(&progress, startedAt: started)
            // Stored with the last commit, which also marked the webhooks checked.
            var run = progress.finished ?? progress.finish(stream, startedAt: started)
            run.events = progress.events
            logger.debug(
                "poll finished",
                metadata: [
                    "vh.pages": "\(run.pages)", "vh.records": "\(run.records)", "vh.events": "\(run.events)",
                    "vh.ms": "\((run.finishedAt.microseconds - run.startedAt.microseconds) / 1000)",
                ])
            return run
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let run = PollRun(
                stream: stream, startedAt: started, finishedAt: .now(), status: .failed, pages: progress.pages,
                records: progress.records, events: progress.events, error: "\(error)")
            try? await store.recordPollRun(run)
            throw error
        }
    }

    /// Counters of one run, kept across the pages.
    struct RunProgress {
        var pages = 0
        var records = 0
        var events = 0
        /// The run as the last commit stored it (its events counted before that commit's).
        var finished: PollRun?

        mutating func finish(_ stream: StreamKey, startedAt: Timestamp) -> PollRun {
            let run = PollRun(
                stream: stream, startedAt: startedAt, finishedAt: .now(), status: .ok, pages: pages, records: records,
                events: events)
            finished = run
            return run
        }
    }

    private func execute(_ progress: inout RunProgress, startedAt: Timestamp) async throws {
        var state: StreamState
        if let cached = store.cachedStreamState(stream) { state = cached } else { state = try await store.streamState(stream) }
        let baseline = !state.baselineComplete
        let request = PageRequest(
            baseURL: connection.apiURL, connectionID: connection.id, object: object, pageSize: pageSize)
        let fetcher = PageFetcher(
            stream: stream, client: client, target: try await resolveTarget(), headers: headers,
            recordsPath: object.recordsPath,
            configuration: configuration, sleeper: sleeper, logger: logger)
        let differ = Differ(stream: stream, object: object)

        // Resume the interrupted run, or start a new one.
        var queryFrom: String?
        var token: String?
        var runHigh: Timestamp?
        if let saved = state.runPageToken {
            token = saved
            queryFrom = state.runQueryFrom
            runHigh = state.runHighWater
            logger.info("resuming an interrupted run", metadata: ["vh.page": "\(saved)"])
        } else if let anchor = state.watermark ?? state.t0, !baseline {
            queryFrom = object.cursorFormat.format(anchor - lookback)
        }
        var seenTokens = Set<String>()
        var reanchors = 0
        var serverNow = Timestamp.now()
        // Offset paging shifts under concurrent edits: a record edited mid-run moves to the end and the one behind
        // it slides onto a page already read. Seeing such an edit (a record newer than the run's start) triggers
        // one more pass over the same window; de-dupe makes the re-read free of duplicates.
        var runStart: Timestamp?
        var sawConcurrentEdit = false
        var passes = 1
        // The next page is fetched while the current one is diffed and committed (fetching never moves the cursor),
        // and a page is diffed while the previous page's commit runs on the store's thread. Commits stay strictly
        // in page order: page k is committed only once page k−1's commit has returned.
        var prefetched: Result<FetchedPage, any Error>?
        try await withThrowingTaskGroup(of: PageCommitResult.self) { commits in
            // The states of the page whose commit is in flight: newer than anything the reader can see yet.
            var committing: [String: RecordState] = [:]
            var commitInFlight = false

            while true {
                try Task.checkCancellation()
                let call = request.call(queryFrom: queryFrom, token: token)
                let page: FetchedPage
                do {
                    if let ready = prefetched {
                        prefetched = nil
                        page = try ready.get()
                    } else {
                        page = try await fetcher.fetch(call, isNextPage: token != nil)
                    }
                } catch is PageFetcher.TokenExpired {
                    // polling.md §2 re-anchoring: restart at the last seen timestamp; de-dupe absorbs the overlap.
                    reanchors += 1
                    guard reanchors <= configuration.maxReanchors else {
                        throw PollError(.paginationLoop, stream: stream, "page tokens kept expiring at \(call.url)")
                    }
                    let anchor = runHigh ?? queryFrom.flatMap { object.cursorFormat.parse(.string($0)) }
                    queryFrom = anchor.map { object.cursorFormat.format($0) }
                    token = nil
                    seenTokens.removeAll()
                    logger.notice("page token expired; re-anchoring", metadata: ["vh.from": "\(queryFrom ?? "start")"])
                    continue
                }
                serverNow = page.serverNow
                if baseline && state.t0 == nil { state.t0 = page.serverNow }
                if runStart == nil { runStart = page.serverNow - .seconds(2) }

                var next = request.nextToken(body: page.body, records: page.records.count, currentToken: token)
                if let next, next == token || seenTokens.contains(next) {
                    throw PollError(.paginationLoop, stream: stream, "the provider repeated page token '\(next)'")
                }
                let upcomingCall = next.map { request.call(queryFrom: queryFrom, token: $0) }
                // Before this page commits, so no checkpoint ever names a link off the connection's origin.
                if let upcomingCall { try fetcher.checkOrigin(of: upcomingCall.url) }
                async let upcoming = Self.prefetch(upcomingCall, with: fetcher)

                let pageIDs = differ.pageIDs(of: page.records)
                let ids = pageIDs.present
                var known = ids.isEmpty ? [:] : try await store.reader.recordStates(stream, ids: ids)
                if !committing.isEmpty {
                    for id in ids {
                        if let newer = committing[id] { known[id] = newer }
                    }
                }
                let outcome = differ.diff(
                    records: page.records, ids: pageIDs, known: known, source: baseline ? .backfill : .poll,
                    detectedAt: .now())
                if let high = outcome.maxUpdatedAt { runHigh = max(runHigh ?? high, high) }
                progress.pages += 1
                progress.records += outcome.records

                if let high = outcome.maxUpdatedAt, let runStart, high >= runStart { sawConcurrentEdit = true }

                var newPass = false
                if next == nil, case .offset = object.pagination, sawConcurrentEdit, passes < 3 {
                    passes += 1
                    sawConcurrentEdit = false
                    runStart = nil
                    newPass = true
                    next = "0"
                    logger.debug("records changed during an offset-paged run; reading the window again")
                }

                let checkpoint = self.checkpoint(
                    after: state, next: next, queryFrom: queryFrom, runHigh: runHigh, serverNow: serverNow,
                    baseline: baseline)
                if commitInFlight, let previous = try await commits.next() {
                    progress.events += previous.insertedEvents
                }
                if let beforeCommit = configuration.beforeCommit { await beforeCommit(stream, progress.pages) }
                var commit = PageCommit(events: outcome.events, checkpoint: checkpoint)
                // The run ends with this commit, unless a baseline still has its completion to commit.
                if next == nil && !baseline { commit.finishedRun = progress.finish(stream, startedAt: startedAt) }
                let store = self.store
                guard let next else {
                    // The run's last page: nothing left to overlap with its commit, so no child task for it (the
                    // one commit of a poll that found nothing is then held without leaving this task).
                    let result = try await store.commitPage(commit)
                    state = checkpoint
                    progress.events += result.insertedEvents
                    if baseline {
                        // A baseline's last page is never a quiet finish, so its commit read the position; the
                        // fallback only guards that rule.
                        let head: Int64
                        if let known = result.headSeq { head = known } else { head = try await store.headSeq(stream) }
                        try await completeBaseline(
                            state, at: head, records: progress.records,
                            run: progress.finish(stream, startedAt: startedAt))
                    }
                    return
                }
                commits.addTask { try await store.commitPage(commit) }
                commitInFlight = true
                committing = Dictionary(outcome.states.map { ($0.recordID, $0) }, uniquingKeysWith: { $1 })
                state = checkpoint
                if newPass {
                    seenTokens.removeAll()
                } else if let token {
                    seenTokens.insert(token)
                }
                token = next
                prefetched = await upcoming
            }
        }
    }

    /// The stream state to commit with a page: the in-run checkpoint naming the next page, or, after the last page,
    /// the advanced watermark and no run in progress.
    private func checkpoint(
        after state: StreamState, next: String?, queryFrom: String?, runHigh: Timestamp?, serverNow: Timestamp,
        baseline: Bool
    ) -> StreamState {
        var checkpoint = state
        if let next {
            checkpoint.runPageToken = next
            checkpoint.runQueryFrom = queryFrom
            checkpoint.runHighWater = runHigh
        } else {
            checkpoint.runPageToken = nil
            checkpoint.runQueryFrom = nil
            checkpoint.runHighWater = nil
            checkpoint.watermark = Watermark.advance(
                old: state.watermark, runHigh: runHigh, serverNow: serverNow, safetyLag: safetyLag,
                t0: baseline ? state.t0 : nil)
            checkpoint.watermarkRaw = checkpoint.watermark.map { object.cursorFormat.format($0) }
            checkpoint.lastRunAt = .now()
        }
        return checkpoint
    }

    /// Marks the baseline complete at log position `headSeq`. A second commit, because that position is only known
    /// once the last page's events are in; a crash in between re-runs the (then event-free) enumeration.
    private func completeBaseline(_ state: StreamState, at headSeq: Int64, records: Int, run: PollRun) async throws {
        var state = state
        state.baselineComplete = true
        state.baselineCompleteSeq = headSeq
        // No event comes with this commit; `completesBaseline` still wakes the deliverers waiting to close their
        // initial sync with INITIAL-COMPLETE.
        _ = try await store.commitPage(
            PageCommit(events: [], checkpoint: state, completesBaseline: true, finishedRun: run))
        logger.info("baseline complete", metadata: ["vh.records": "\(records)", "vh.seq": "\(headSeq)"])
    }

    /// Fetches the page `call` asks for (nothing when `nil`), keeping a failure for the loop to handle in order.
    private static func prefetch(_ call: PageCall?, with fetcher: PageFetcher) async -> Result<FetchedPage, any Error>? {
        guard let call else { return nil }
        do {
            return .success(try await fetcher.fetch(call, isNextPage: true))
        } catch {
            return .failure(error)
        }
    }
}
