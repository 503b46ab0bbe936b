// The intrusion story's records (scenarios with fixed times, `at`) in log files of their own: one per
// account, region and hour, delivered two minutes after its last event, as CloudTrail delivers within
// minutes. Appended after the planned files, so the noise is placed (and seeded) as without the story.
import { actor } from './actors.js';
import { logFileId, logFilePath } from './log-file.js';
import type { Prng } from './prng.js';
import { buildRecord } from './record-builder.js';
import { scenarioRecord } from './records.js';
import type { PlannedFile } from './file-plan.js';
import { INTRUSION_PROBE } from './scenarios-intrusion.js';
import { SCENARIOS } from './scenarios.js';
import { DAY_MS, HOUR_MS, WEEK_START_MS, type Region } from './world.js';

export function placeStory(rng: Prng): PlannedFile[] {
  const events: { ms: number; account: string; region: Region; make: () => PlannedFile['records'][number] }[] = [];
  for (const entry of SCENARIOS) {
    if (entry.at === undefined) continue;
    const stream = rng.fork(entry.id);
    for (const at of entry.at) {
      const ms = Date.parse(at);
      events.push({ ms, account: entry.recipient, region: entry.region, make: () => ({ ms, record: scenarioRecord(stream, entry, ms), kind: entry.kind }) });
    }
  }
  const probe = INTRUSION_PROBE;
  const probeMs = Date.parse(probe.at);
  const probeRng = rng.fork('probe');
  events.push({
    ms: probeMs,
    account: probe.recipient,
    region: probe.region,
    make: () => {
      const context = { actor: actor(probe.actor), recipient: probe.recipient, region: probe.region, eventMs: probeMs };
      return { ms: probeMs, record: buildRecord(probe.build(context), context, probeRng), kind: 'success' };
    },
  });
  const byFile = new Map<string, typeof events>();
  for (const e of events.sort((a, b) => a.ms - b.ms)) {
    const key = `${e.account} ${e.region} ${Math.floor(e.ms / HOUR_MS)}`;
    byFile.set(key, [...(byFile.get(key) ?? []), e]);
  }
  const names = rng.fork('files');
  return [...byFile.values()].map((list) => {
    const last = list[list.length - 1].ms;
    const hourEnd = Math.floor(last / HOUR_MS) * HOUR_MS + HOUR_MS;
    const deliveryMs = Math.min(Math.floor(last / 60_000) * 60_000 + 2 * 60_000, hourEnd - 60_000);
    const { account, region } = list[0];
    return {
      account,
      region,
      day: Math.floor((deliveryMs - WEEK_START_MS) / DAY_MS),
      deliveryMs,
      path: logFilePath(account, region, deliveryMs, logFileId(names)),
      records: list.map((e) => e.make()),
      story: true,
    };
  });
}
